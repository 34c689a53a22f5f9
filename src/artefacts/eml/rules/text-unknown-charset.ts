// A body text part in a charset segur does not read (io/decode.ts) cannot be checked, and is not
// UTF-8 as ECO.2.2.3 (Réf. socle MSSanté #2) asks.
import { readTextPart } from '../text-parts.js';
import { found, type EmlRule } from './rule.js';

export const textUnknownCharsetRule: EmlRule = {
  code: 'eml/text-unknown-charset',
  severity: 'warning',
  description: 'Les parties texte du corps sont dans un charset lisible (UTF-8 attendu, Réf. socle MSSanté #2, ECO.2.2.3) ; sinon elles ne sont pas vérifiées.',
  check(facts) {
    return facts.textParts.flatMap((part) => {
      const reading = readTextPart(part);
      return reading.status === 'unknown-charset' ? [found(this, { part: part.number, charset: reading.charset }, `partie ${part.number}`)] : [];
    });
  },
};
