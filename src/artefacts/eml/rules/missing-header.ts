// RFC 5322 §3.6: a message has exactly one origination date and one originator; a message that
// proves a sending names its recipient (To, or Cc/Bcc when the software wrote it so).
import { found, type EmlRule } from './rule.js';

export const missingHeaderRule: EmlRule = {
  code: 'eml/missing-header',
  severity: 'error',
  description: 'En-têtes From et Date présents (RFC 5322 §3.6), et un destinataire (To, Cc ou Bcc).',
  check(facts) {
    const missing = ['From', 'Date'].filter((name) => facts.fields(name.toLowerCase()).length === 0);
    if (['to', 'cc', 'bcc'].every((key) => facts.fields(key).length === 0)) missing.push('To');
    return missing.map((header) => found(this, { header }, header));
  },
};
