// Réf. socle MSSanté #2, ECO.2.4.2: « Le Système DOIT positionner l'entête SMTP X-MSS-INS dans un
// message envoyé qui comporte en PJ un document de santé CDA encapsulé dans une archive IHE_XDM ».
// A warning: messages written before the référentiel (Ségur wave 1) do not carry it.
import { found, type EmlRule } from './rule.js';

export const xMssInsMissingRule: EmlRule = {
  code: 'eml/x-mss-ins-missing',
  severity: 'warning',
  description: 'Un message portant un document CDA dans une archive IHE_XDM a l’en-tête X-MSS-INS (Réf. socle MSSanté #2, ECO.2.4.2).',
  check(facts) {
    return facts.fields('x-mss-ins').length === 0 && facts.documents.length > 0 ? [found(this, {}, 'X-MSS-INS')] : [];
  },
};
