// The value and parameters of a MIME structured header (`Content-Type`, `Content-Disposition`:
// RFC 2045 §5.1, RFC 2183), with RFC 2231 continuations (`name*0=`, `name*1*=`) and charsets
// (`name*=utf-8''IHE%5FXDM.ZIP`) decoded strictly: a parameter that cannot be decoded is a problem
// (header-text.ts), never a guess. Comments are dropped; names compare without case.
import { decodeWith, encodingForLabel } from '../../io/decode.js';
import { decodeWords, rawHeaderText, type HeaderProblem } from './header-text.js';

export interface ParsedParams {
  /** Lower-case `type/subtype` or disposition type; empty when absent. */
  value: string;
  params: Map<string, string>;
  /** The first parameter that could not be decoded. */
  problem?: HeaderProblem;
}

interface Segment {
  index: number;
  extended: boolean;
  value: string;
}

/** `raw`: the header value's bytes as code points 0-255 (split-message.ts). */
export function parseParams(raw: string): ParsedParams {
  const pieces = splitOutsideQuotes(stripComments(raw), ';');
  const value = (pieces.shift() ?? '').trim().toLowerCase();
  const segments = new Map<string, Segment[]>();
  for (const piece of pieces) {
    const match = /^\s*([^=\s*]+)(?:\*(\d+))?(\*)?\s*=\s*(.*?)\s*$/s.exec(piece);
    if (!match) continue;
    const [, name, index, star, written] = match as unknown as [string, string, string | undefined, string | undefined, string];
    const list = segments.get(name.toLowerCase()) ?? [];
    list.push({ index: index === undefined ? 0 : Number(index), extended: star === '*', value: unquote(written) });
    segments.set(name.toLowerCase(), list);
  }
  const params = new Map<string, string>();
  let problem: HeaderProblem | undefined;
  for (const [name, list] of segments) {
    const decoded = joinSegments(list.sort((a, b) => a.index - b.index));
    if (decoded.ok) params.set(name, decoded.text);
    else problem ??= decoded.problem;
  }
  return { value, params, ...(problem ? { problem } : {}) };
}

type Decoded = { ok: true; text: string } | { ok: false; problem: HeaderProblem };

/** RFC 2231 §4: the first extended segment says `charset'language'`; extended segments are %-encoded. */
function joinSegments(list: Segment[]): Decoded {
  if (!list.some((segment) => segment.extended)) {
    const text = rawHeaderText(list.map((segment) => segment.value).join(''));
    // Encoded words inside a quoted parameter are not MIME, but widely written (filenames).
    return text.ok ? decodeWords(text.text) : text;
  }
  let charset = 'us-ascii';
  const bytes: number[] = [];
  list.forEach((segment, position) => {
    let text = segment.value;
    if (position === 0 && segment.extended) {
      const parts = /^([^']*)'[^']*'(.*)$/s.exec(text);
      if (parts) {
        charset = parts[1] || 'us-ascii';
        text = parts[2]!;
      }
    }
    for (let index = 0; index < text.length; index++) {
      const hex = text.slice(index + 1, index + 3);
      if (segment.extended && text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else bytes.push(text.charCodeAt(index) & 0xff);
    }
  });
  const encoding = encodingForLabel(charset);
  if (!encoding) return { ok: false, problem: { kind: 'unknown-charset', charset } };
  const decoded = decodeWith(Buffer.from(bytes), encoding);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return { ok: false, problem: { kind: 'invalid-bytes', charset, offset: decoded.problem.kind === 'invalid-bytes' ? decoded.problem.byteOffset : 0 } };
}

/** Drops `(comments)` outside quoted strings (RFC 5322 §3.2.2), nesting and escapes included. */
export function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += char + (text[index + 1] ?? '');
      index++;
    } else if (quoted) {
      out += char;
      if (char === '"') quoted = false;
    } else if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) {
      out += char;
      if (char === '"') quoted = true;
    }
  }
  return out;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && quoted) index++;
    else if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      pieces.push(text.slice(start, index));
      start = index + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  return text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replace(/\\(.)/gs, '$1');
}
