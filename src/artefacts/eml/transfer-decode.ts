// A leaf body decoded from its Content-Transfer-Encoding (RFC 2045 §6): base64 (libbase64) and
// quoted-printable (libqp, byte for byte) as mailparser decodes them; 7bit, 8bit and binary as
// they are. An unknown encoding or a base64 body with characters outside its alphabet is a problem:
// its bytes are not guessed.
import { decode as decodeBase64 } from 'libbase64';
import { decode as decodeQuotedPrintable } from 'libqp';

export type TransferDecoded = { ok: true; bytes: Buffer } | { ok: false; problem: 'unknown-encoding' | 'invalid-base64' };

const IDENTITY = new Set(['', '7bit', '8bit', 'binary']);

export function decodeTransfer(body: Buffer, encoding: string): TransferDecoded {
  if (IDENTITY.has(encoding)) return { ok: true, bytes: body };
  if (encoding === 'quoted-printable') return { ok: true, bytes: decodeQuotedPrintable(body) };
  if (encoding !== 'base64') return { ok: false, problem: 'unknown-encoding' };
  // Base64 text is ASCII: bytes read one for one. Line breaks and spaces are not part of the data.
  const text = body.toString('latin1').replace(/[\r\n\t ]+/g, '');
  if (!/^[A-Za-z0-9+/=]*$/.test(text)) return { ok: false, problem: 'invalid-base64' };
  return { ok: true, bytes: decodeBase64(text) };
}
