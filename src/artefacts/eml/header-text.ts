// Header text decoded strictly, through the one decoder (io/decode.ts): raw bytes must be UTF-8
// (RFC 6532 allows UTF-8 in header fields; anything else is undecodable, not guessed), and each
// RFC 2047 encoded word (`=?charset?B|Q?text?=`) must name a supported charset and hold bytes valid
// in it. A problem is reported, never replaced by U+FFFD.
import { decodeWith, encodingForLabel } from '../../io/decode.js';

export type HeaderProblem =
  | { kind: 'invalid-bytes'; charset: string; offset: number }
  | { kind: 'unknown-charset'; charset: string };

export type HeaderText = { ok: true; text: string } | { ok: false; problem: HeaderProblem };

/** `raw`: bytes as code points 0-255 (split-message.ts). Encoded words are left as written. */
export function rawHeaderText(raw: string): HeaderText {
  if (!/[^\x00-\x7f]/.test(raw)) return { ok: true, text: raw };
  const decoded = decodeWith(Buffer.from(raw, 'latin1'), 'utf-8');
  if (decoded.ok) return { ok: true, text: decoded.text };
  return decoded.problem.kind === 'invalid-bytes'
    ? { ok: false, problem: { kind: 'invalid-bytes', charset: 'UTF-8', offset: decoded.problem.byteOffset } }
    : { ok: false, problem: { kind: 'unknown-charset', charset: decoded.problem.declared } };
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
/** Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2). */
const BETWEEN_WORDS = /(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)[ \t]+(?==\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/g;

/** Raw bytes then encoded words: the text of an unstructured header (Subject) or a phrase. */
export function headerText(raw: string): HeaderText {
  const text = rawHeaderText(raw);
  return text.ok ? decodeWords(text.text) : text;
}

/** Decodes every RFC 2047 encoded word of `text`; the first undecodable one is the problem. */
export function decodeWords(text: string): HeaderText {
  let problem: HeaderProblem | undefined;
  const decoded = text.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, (word, label: string, scheme: string, payload: string) => {
    if (problem) return word;
    // RFC 2231 §5: a language may follow the charset (`utf-8*fr`).
    const charset = label.split('*')[0]!;
    const encoding = encodingForLabel(charset);
    if (!encoding) {
      problem = { kind: 'unknown-charset', charset };
      return word;
    }
    const bytes = scheme.toUpperCase() === 'B' ? base64Bytes(payload) : qBytes(payload);
    const result = bytes ? decodeWith(bytes, encoding) : undefined;
    if (!result?.ok) {
      problem = { kind: 'invalid-bytes', charset, offset: result && !result.ok && result.problem.kind === 'invalid-bytes' ? result.problem.byteOffset : 0 };
      return word;
    }
    return result.text;
  });
  return problem ? { ok: false, problem } : { ok: true, text: decoded };
}

function base64Bytes(payload: string): Buffer | undefined {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(payload) && payload.length % 4 !== 1 ? Buffer.from(payload, 'base64') : undefined;
}

/** RFC 2047 §4.2 "Q": `_` is a space, `=XX` a byte, other printable ASCII itself. */
function qBytes(payload: string): Buffer | undefined {
  const bytes: number[] = [];
  for (let index = 0; index < payload.length; index++) {
    const char = payload[index]!;
    if (char === '_') bytes.push(0x20);
    else if (char === '=') {
      const hex = payload.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(char.charCodeAt(0));
  }
  return Buffer.from(bytes);
}
