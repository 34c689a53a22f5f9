// Réf. socle MSSanté #2, ECO.2.4.2: the header is not set when no CDA document is attached in an
// IHE_XDM archive.
import { noCdaAttached } from './x-mss-codecda-unexpected.js';
import { found, type EmlRule } from './rule.js';

export const xMssInsUnexpectedRule: EmlRule = {
  code: 'eml/x-mss-ins-unexpected',
  severity: 'error',
  description: 'X-MSS-INS est absent quand aucun document CDA n’est joint dans une archive IHE_XDM (Réf. socle MSSanté #2, ECO.2.4.2).',
  check(facts) {
    return facts.fields('x-mss-ins').length > 0 && noCdaAttached(facts) ? [found(this, {}, 'X-MSS-INS')] : [];
  },
};
