// RFC 5322 §3.6.4: every message SHOULD have a Message-ID; §3.6.5: the Subject names the message
// (MSSanté readers list messages by it).
import { found, type EmlRule } from './rule.js';

export const missingRecommendedHeaderRule: EmlRule = {
  code: 'eml/missing-recommended-header',
  severity: 'warning',
  description: 'En-têtes Message-ID (RFC 5322 §3.6.4, DEVRAIT) et Subject (§3.6.5) présents.',
  check(facts) {
    return ['Message-ID', 'Subject'].filter((name) => facts.fields(name.toLowerCase()).length === 0).map((header) => found(this, { header }, header));
  },
};
