// The one text-decoding path of segur: every input read as text (XML artefacts, workbook parts,
// manifests, catalogs, column maps, mail headers) goes through here. Decoding is fatal: a byte
// that is not valid in the encoding is a problem with its byte offset, line and column, never
// a silent U+FFFD that would later surface in a verdict (« Profil « G�n�ral » absent »).
//
// Encoding detection follows XML 1.0 (Fifth Edition) Appendix F: a byte order mark first, then the
// first bytes' pattern (UTF-16 without BOM), then the XML declaration's `encoding` pseudo-attribute.
// Other text (YAML, JSON) is UTF-8 or UTF-16, told by a BOM or by the first bytes' NULs.
// Each supported encoding is decoded as itself: ISO-8859-1 byte for byte (WHATWG TextDecoder would
// use windows-1252 for that label), windows-1252 with its own 0x80–0x9F table (Node's decoder reads
// it as Latin-1), ISO-8859-15 with its table (œ at 0xBD, € at 0xA4).

/** Encodings segur decodes; anything else declared is reported as unknown. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'iso-8859-15' | 'windows-1252' | 'us-ascii';

export type DecodeProblem =
  | {
      kind: 'invalid-bytes';
      encoding: TextEncoding;
      /** 0-based offset of the first byte that cannot be decoded. */
      byteOffset: number;
      /** 1-based position of that byte in the decoded text. */
      line: number;
      column: number;
    }
  | { kind: 'unknown-encoding'; declared: string };

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: DecodeProblem };

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of the byte order mark to skip (0 when none). */
  bomLength: number;
  /** The XML declaration's `encoding`, as written, when there is one. */
  declared?: string;
}

const DECLARED_ENCODINGS: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'iso-8859-1',
  iso_8859_1: 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  l1: 'iso-8859-1',
  'iso-ir-100': 'iso-8859-1',
  cp819: 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  iso_8859_15: 'iso-8859-15',
  'iso_8859-15': 'iso-8859-15',
  'latin-9': 'iso-8859-15',
  latin9: 'iso-8859-15',
  l9: 'iso-8859-15',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'us-ascii': 'us-ascii',
  ascii: 'us-ascii',
};

/**
 * The supported encoding a label names (an XML `encoding`, a MIME `charset` parameter: RFC 2046
 * §4.1.2, names from the IANA charset registry), compared without case; undefined when segur does
 * not decode it. `utf-16le`/`utf-16be` are accepted; bare `utf-16` is not (its byte order is unknown).
 */
export function encodingForLabel(label: string): TextEncoding | undefined {
  const name = label.trim().toLowerCase();
  if (name === 'utf-16le' || name === 'utf-16be') return name;
  return Object.hasOwn(DECLARED_ENCODINGS, name) ? DECLARED_ENCODINGS[name] : undefined;
}

/**
 * Which encoding `head` (the first bytes of a file, 1 KB is plenty) is in.
 * `xml`: also honour the XML declaration (else only a BOM or UTF-16’s NUL bytes can say anything but UTF-8).
 * Returns `{ unknown }` when the declaration names an encoding segur does not decode.
 */
export function detectEncoding(head: Uint8Array, options: { xml: boolean }): EncodingGuess | { unknown: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, ...declarationOf(head, 3, 1) };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (!options.xml) {
    // YAML 1.2 §5.2 (and JSON, RFC 4627 §3): without a BOM the text starts with an ASCII character,
    // so a NUL byte beside it tells UTF-16 and its byte order (a NUL is never text in these formats).
    if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return { encoding: 'utf-16le', bomLength: 0 };
    if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return { encoding: 'utf-16be', bomLength: 0 };
    return { encoding: 'utf-8', bomLength: 0 };
  }
  // `<?` in UTF-16 without a BOM (XML 1.0 F.1 allows the detection, not the omission).
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { encoding: 'utf-16be', bomLength: 0 };
  const { declared } = declarationOf(head, 0, 1);
  if (declared === undefined) return { encoding: 'utf-8', bomLength: 0 };
  const encoding = DECLARED_ENCODINGS[declared.toLowerCase()];
  // "UTF-16" declared over 8-bit bytes: the declaration is wrong about the bytes, which are read as UTF-8.
  if (!encoding) return declared.toLowerCase().startsWith('utf-16') ? { encoding: 'utf-8', bomLength: 0, declared } : { unknown: declared };
  return { encoding, bomLength: 0, declared };
}

/** The `encoding` of an XML declaration at `start`, read byte by byte (the declaration is ASCII). */
function declarationOf(head: Uint8Array, start: number, step: number): { declared?: string } {
  let text = '';
  for (let index = start; index < head.length && index < start + 512 * step; index += step) {
    const byte = head[index]!;
    if (byte === 0 || byte > 0x7e) break;
    text += String.fromCharCode(byte);
    if (byte === 0x3e) break; // '>' ends the declaration
  }
  const match = /^<\?xml\s[^>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(text);
  return match ? { declared: match[2]! } : {};
}

/**
 * Decodes a whole buffer (see `detectEncoding`); fatal on the first invalid byte, whose position is
 * given. `prefix`: the bytes are the start of a longer file (sniffing): a character cut at the end
 * is left out instead of being an error.
 */
export function decodeText(bytes: Uint8Array, options: { xml: boolean; prefix?: boolean }): Decoded {
  const guess = detectEncoding(bytes.subarray(0, 1024), options);
  if ('unknown' in guess) return { ok: false, problem: { kind: 'unknown-encoding', declared: guess.unknown } };
  return decodeWith(bytes.subarray(guess.bomLength), guess.encoding, options.prefix === true, guess.bomLength);
}

/** Decodes `bytes` (no BOM) as `encoding`; `base` is their offset in the file (for positions). */
export function decodeWith(bytes: Uint8Array, encoding: TextEncoding, prefix = false, base = 0): Decoded {
  if (encoding === 'windows-1252') return { ok: true, text: windows1252Text(bytes), encoding };
  if (encoding === 'iso-8859-1' || encoding === 'us-ascii') {
    if (encoding === 'us-ascii') {
      const invalid = bytes.findIndex((byte) => byte > 0x7f);
      if (invalid >= 0) return { ok: false, problem: invalidAt(bytes, invalid, encoding, base) };
    }
    return { ok: true, text: latin1Text(bytes), encoding };
  }
  try {
    // The WHATWG ISO-8859-15 decoder maps every byte: it cannot fail.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: prefix }), encoding };
  } catch {
    return { ok: false, problem: invalidAt(bytes, firstInvalidUnit(bytes, encoding), encoding, base) };
  }
}

/**
 * windows-1252 (WHATWG Encoding, index-windows-1252): Latin-1 except 0x80–0x9F, where Windows puts
 * € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. Node's own TextDecoder reads this label as
 * Latin-1 (C1 controls), which would turn every typographic apostrophe of a Windows export into a
 * control character. The five bytes Windows leaves undefined keep their C1 code point, as WHATWG says.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** windows-1252: ISO-8859-1 but for 0x80–0x9F (WINDOWS_1252_HIGH), which are swapped after a Latin-1 read. */
function windows1252Text(bytes: Uint8Array): string {
  return latin1Text(bytes).replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!));
}

/** ISO-8859-1: each byte is the code point of the same value (built in slices: no huge spread). */
/**
 * ISO-8859-1: each byte is the code point of the same value. Node's `latin1` is exactly that (the
 * WHATWG `latin1` label of TextDecoder means windows-1252 instead); character codes spread 8 KB at
 * a time read ≈38 MB/s, 3.4 s of a 6.5 s `check` over 2,000 binary proofs (bench/RESULTS.md).
 */
function latin1Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function invalidAt(bytes: Uint8Array, index: number, encoding: TextEncoding, base: number): DecodeProblem {
  const at = Math.max(0, index);
  // The prefix before the bad byte is valid: decoding it again (fatally) places the byte in the text.
  const prefix = encoding === 'us-ascii' ? latin1Text(bytes.subarray(0, at)) : new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, at));
  const { line, column } = positionAfter(prefix, 0, prefix.length, { line: 1, column: 1 });
  return { kind: 'invalid-bytes', encoding, byteOffset: base + at, line, column };
}

/** A 1-based place in a text: line, and column in characters. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * The position of `text[to]`, `text[from]` being at `start`, counted as the XML parser (saxes)
 * counts a fault's position, and YAML its lines: LF, CRLF and a lone CR end a line (XML 1.0 §2.11,
 * YAML 1.2 §5.4), and a column is a character, one outside the BMP included.
 */
export function positionAfter(text: string, from: number, to: number, start: TextPosition): TextPosition {
  let { line, column } = start;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else if (code !== 0x0d && (code < 0xdc00 || code > 0xdfff)) column++;
  }
  return { line, column };
}

/**
 * Offset of the first byte (UTF-8) or code unit (UTF-16) that makes `bytes` invalid, by the WHATWG
 * decoders' rules: overlong forms, surrogates and values above U+10FFFF are invalid in UTF-8; an
 * unpaired surrogate or an odd final byte in UTF-16. -1 when every byte is valid.
 */
export function firstInvalidUnit(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return firstInvalidUtf8(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return firstInvalidUtf16(bytes, encoding === 'utf-16le');
  if (encoding === 'us-ascii') return bytes.findIndex((byte) => byte > 0x7f);
  return -1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      if (byte === 0xe0) lower = 0xa0;
      if (byte === 0xed) upper = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      if (byte === 0xf0) lower = 0x90;
      if (byte === 0xf4) upper = 0x8f;
    } else return index;
    for (let k = 1; k <= needed; k++) {
      if (index + k >= bytes.length) return index;
      const next = bytes[index + k]!;
      if (next < (k === 1 ? lower : 0x80) || next > (k === 1 ? upper : 0xbf)) return index;
    }
    index += needed + 1;
  }
  return -1;
}

function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (at: number) => (littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!);
  let index = 0;
  while (index + 1 < bytes.length) {
    const code = unit(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      if (index + 3 >= bytes.length) return index;
      const low = unit(index + 2);
      if (low < 0xdc00 || low > 0xdfff) return index;
      index += 4;
    } else if (code >= 0xdc00 && code <= 0xdfff) return index;
    else index += 2;
  }
  return index < bytes.length ? index : -1;
}
