// Réf. socle MSSanté #2, ECO.2.4.1: « La valeur de cet entête DOIT être égale à celle du champ code
// présent dans l'entête du document CDA » ; multi-valued when several CDA documents (values compared
// as sets, instances and comma-separated values alike).
import { found, headerValues, type EmlRule } from './rule.js';

export const xMssCodeCdaRule: EmlRule = {
  code: 'eml/x-mss-codecda',
  severity: 'error',
  description: 'X-MSS-CODECDA porte le code (code/@code) de chaque document CDA de l’archive IHE_XDM jointe (Réf. socle MSSanté #2, ECO.2.4.1).',
  check(facts) {
    const values = headerValues(facts, 'x-mss-codecda');
    const codes = [...new Set(facts.documents.map((document) => document.code).filter((code): code is string => code !== undefined))].sort();
    if (values.length === 0 || codes.length === 0) return [];
    const missing = codes.filter((code) => !values.includes(code));
    // A value naming no read document is wrong only when every archive was read whole.
    const extra = facts.documentsComplete ? values.filter((value) => !codes.includes(value)) : [];
    if (missing.length === 0 && extra.length === 0) return [];
    return [found(this, { expected: codes.join(', '), found: values.join(', ') }, 'X-MSS-CODECDA')];
  },
};
