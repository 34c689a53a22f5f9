// Réf. socle MSSanté #2, ECO.2.2.8: a professional ends an exchange with a patient (Mon espace
// santé: no reply possible) by the header `X-MSS-MES: FIN`; FIN is its only value.
import { found, headerValues, type EmlRule } from './rule.js';

export const xMssMesRule: EmlRule = {
  code: 'eml/x-mss-mes',
  severity: 'error',
  description: 'X-MSS-MES, quand il est présent, vaut FIN (Réf. socle MSSanté #2, ECO.2.2.8).',
  check(facts) {
    if (facts.fields('x-mss-mes').length === 0) return [];
    const values = headerValues(facts, 'x-mss-mes');
    return values.length > 0 && values.every((value) => value === 'FIN') ? [] : [found(this, { found: values.join(', ') || '∅' }, 'X-MSS-MES')];
  },
};
