// Réf. socle MSSanté #2, ECO.2.2.3: « Le système MSSanté DOIT utiliser l'encodage UTF-8 pour les
// parties text du corps des courriels ». US-ASCII text (no charset, or charset=us-ascii) is UTF-8 too.
import { readTextPart } from '../text-parts.js';
import { found, type EmlRule } from './rule.js';

export const textNotUtf8Rule: EmlRule = {
  code: 'eml/text-not-utf8',
  severity: 'warning',
  description: 'Les parties texte du corps sont en UTF-8 (Réf. socle MSSanté #2, ECO.2.2.3).',
  check(facts) {
    return facts.textParts.flatMap((part) => {
      const reading = readTextPart(part);
      if (reading.status !== 'ok' || reading.encoding === 'utf-8' || (reading.encoding === 'us-ascii' && reading.ascii)) return [];
      return [found(this, { part: part.number, charset: part.charset ?? 'US-ASCII' }, `partie ${part.number}`)];
    });
  },
};
