// Réf. socle MSSanté #2, ECO.2.4.3: every message the software sends carries X-MSS-NIL, the product
// reference it was given when declared (its value is compared with software.nil of segur.yaml by
// `segur check`: engine/message-proof.ts). A warning: wave-1 messages predate it.
import { found, type EmlRule } from './rule.js';

export const xMssNilMissingRule: EmlRule = {
  code: 'eml/x-mss-nil-missing',
  severity: 'warning',
  description: 'Tout message envoyé porte l’en-tête X-MSS-NIL, référence du logiciel (Réf. socle MSSanté #2, ECO.2.4.3).',
  check(facts) {
    return facts.fields('x-mss-nil').some((field) => field.raw.trim() !== '') ? [] : [found(this, {}, 'X-MSS-NIL')];
  },
};
