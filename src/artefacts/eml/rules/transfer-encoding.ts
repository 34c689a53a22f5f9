// RFC 2045 §6: Content-Transfer-Encoding is 7bit, 8bit, binary, quoted-printable or base64, and a
// base64 body holds only the base64 alphabet (§6.8). A part that cannot be decoded is not read.
import { found, type EmlRule } from './rule.js';

export const transferEncodingRule: EmlRule = {
  code: 'eml/transfer-encoding',
  severity: 'error',
  description: 'Chaque partie a un Content-Transfer-Encoding connu (RFC 2045 §6) et un corps base64 valide (§6.8).',
  check(facts) {
    return [...facts.textParts, ...facts.attachments].flatMap((part) =>
      part.transferProblem ? [found(this, { part: part.number, encoding: part.transferEncoding, problem: part.transferProblem }, `partie ${part.number}`)] : [],
    );
  },
};
