// How a body text part's bytes read in the charset it declares (RFC 2046 §4.1.2; no charset means
// US-ASCII, RFC 2045 §5.2), decoded by the one decoder (io/decode.ts), fatally.
import { decodeWith, encodingForLabel, type TextEncoding } from '../../io/decode.js';
import type { PartFacts } from './facts.js';

export type TextReading =
  | { status: 'ok'; encoding: TextEncoding; ascii: boolean }
  | { status: 'invalid'; encoding: TextEncoding; offset: number }
  | { status: 'unknown-charset'; charset: string }
  | { status: 'unread' };

export function readTextPart(part: PartFacts): TextReading {
  if (!part.bytes) return { status: 'unread' };
  const encoding = encodingForLabel(part.charset ?? 'us-ascii');
  if (!encoding) return { status: 'unknown-charset', charset: part.charset! };
  const decoded = decodeWith(part.bytes, encoding);
  if (!decoded.ok) return { status: 'invalid', encoding, offset: decoded.problem.kind === 'invalid-bytes' ? decoded.problem.byteOffset : 0 };
  return { status: 'ok', encoding, ascii: !part.bytes.some((byte) => byte > 0x7f) };
}
