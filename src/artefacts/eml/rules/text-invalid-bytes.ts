// RFC 2046 §4.1.2: a text part's bytes are text in its charset. Bytes that are not (a Latin-1 é in a
// part labelled UTF-8, an 8-bit byte without charset) are reported with their offset.
import { readTextPart } from '../text-parts.js';
import { found, type EmlRule } from './rule.js';

export const textInvalidBytesRule: EmlRule = {
  code: 'eml/text-invalid-bytes',
  severity: 'error',
  description: 'Les octets de chaque partie texte du corps sont valides dans le charset déclaré (US-ASCII sans charset, RFC 2045 §5.2).',
  check(facts) {
    return facts.textParts.flatMap((part) => {
      const reading = readTextPart(part);
      if (reading.status !== 'invalid') return [];
      return [found(this, { part: part.number, charset: reading.encoding.toUpperCase(), offset: reading.offset }, `partie ${part.number}`)];
    });
  },
};
