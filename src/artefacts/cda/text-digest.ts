// The SHA-256 of an XML document's text, as a parser reads it: the same document saved another way
// — line endings converted (git core.autocrlf, Windows editors), a byte order mark added, re-encoded
// in UTF-16 (PowerShell Out-File) — has other bytes but the same text. An EVS report that embeds
// the document as it was validated is compared with the deposited file by this digest when their
// bytes differ (engine/evs-match.ts): only the content a validator reads counts.
import { createHash } from 'node:crypto';
import { decodeText } from '../../io/decode.js';

/** `<?xml version="1.0" encoding="…"?>` at the start: it names the encoding, not the content. */
const XML_DECLARATION = /^<\?xml\s[^?]*\?>/;

/**
 * Lower-case hex SHA-256 of the UTF-8 text of `bytes` decoded per XML 1.0 Appendix F (BOM, then the
 * declared encoding), with the byte order mark and the XML declaration removed, line endings
 * normalised as XML 1.0 §2.11 prescribes (CR LF and lone CR read as LF), and the white space
 * outside the document's markup trimmed (XML 1.0 §2.8: it is not part of the document element).
 * Undefined when the bytes cannot be decoded.
 */
export function xmlTextSha256(bytes: Uint8Array): string | undefined {
  const decoded = decodeText(bytes, { xml: true });
  if (!decoded.ok) return undefined;
  const text = decoded.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(XML_DECLARATION, '')
    .trim();
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
