// The SHA-256 of an XML document's text, as a parser reads it: the same document saved another way
// — line endings converted (git core.autocrlf, Windows editors), a byte order mark added, re-encoded
// in UTF-16 (PowerShell Out-File) — has other bytes but the same text. An EVS report that embeds
// the document as it was validated is compared with the deposited file by this digest when their
// bytes differ (engine/evs-match.ts): only the content a validator reads counts.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { decodeText, decodeWith, detectEncoding } from '../../io/decode.js';

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
  const span = utf8TextSpan(bytes);
  return span === undefined ? decodedTextSha256(bytes) : createHash('sha256').update(span).digest('hex');
}

/**
 * The common case without decoding: UTF-8 bytes (no BOM, no other encoding declared, valid) with no
 * CR are already the UTF-8 text the digest is over; only the declaration and the ASCII white space
 * around the document are cut. Undefined when the bytes need the full path (any CR, a BOM, another
 * encoding, invalid UTF-8, a non-ASCII character at either end).
 */
function utf8TextSpan(bytes: Uint8Array): Uint8Array | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0 || buffer[0]! >= 0x80 || buffer[0] === 0 || buffer.indexOf(0x0d) !== -1 || !isUtf8(buffer)) return undefined;
  // The same reading of the encoding as the definition's (XML 1.0 Appendix F): UTF-8, no BOM.
  const guess = detectEncoding(buffer.subarray(0, 1024), { xml: true });
  if ('unknown' in guess || guess.encoding !== 'utf-8' || guess.bomLength !== 0) return undefined;
  const head = decodeWith(buffer.subarray(0, Math.min(buffer.length, 512)), 'utf-8', true);
  if (!head.ok) return undefined;
  const declaration = XML_DECLARATION.exec(head.text);
  let start = declaration ? Buffer.byteLength(declaration[0]) : 0;
  let end = buffer.length;
  while (start < end && ASCII_SPACE.has(buffer[start]!)) start++;
  while (end > start && ASCII_SPACE.has(buffer[end - 1]!)) end--;
  if ((start < end && buffer[start]! >= 0x80) || (end > start && buffer[end - 1]! >= 0x80)) return undefined;
  return buffer.subarray(start, end);
}

/** What String.prototype.trim removes in the ASCII range (CR never reaches here). */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x20]);

/** The digest by its definition: decode, normalise, hash (xmlTextSha256 gives the same, faster when it can). */
export function decodedTextSha256(bytes: Uint8Array): string | undefined {
  const decoded = decodeText(bytes, { xml: true });
  if (!decoded.ok) return undefined;
  const text = decoded.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(XML_DECLARATION, '')
    .trim();
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
