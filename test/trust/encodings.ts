// Text written in the encodings real tools use, byte for byte, with tables written here from the
// standards (not from the decoder under test, nor from Node's TextDecoder, whose windows-1252 is
// ISO-8859-1 in Node ≥ 20.18.3: nodejs/node#60888).

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'iso-8859-15' | 'windows-1252';

/** ISO/IEC 8859-15 differs from 8859-1 at eight positions (€ Š š Ž ž Œ œ Ÿ). */
const ISO_8859_15: Record<string, number> = { '€': 0xa4, Š: 0xa6, š: 0xa8, Ž: 0xb4, ž: 0xb8, Œ: 0xbc, œ: 0xbd, Ÿ: 0xbe };
const REPLACED_BY_8859_15 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
/** windows-1252 0x80–0x9F (WHATWG index), the ones these tests write. */
const WINDOWS_1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '…': 0x85, Œ: 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, œ: 0x9c, Ÿ: 0x9f };

/** `text` in `encoding` (BOM included for the `-bom` forms); throws on a character the encoding lacks. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), encode(text, 'utf-16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), encode(text, 'utf-16be')]);
    case 'iso-8859-1':
      return singleByte(text, encoding, {}, new Set());
    case 'iso-8859-15':
      return singleByte(text, encoding, ISO_8859_15, REPLACED_BY_8859_15);
    case 'windows-1252':
      return singleByte(text, encoding, WINDOWS_1252, new Set());
  }
}

function singleByte(text: string, encoding: Encoding, table: Record<string, number>, lacking: Set<number>): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = table[char] ?? char.codePointAt(0)!;
      if (code > 0xff || (table[char] === undefined && (lacking.has(code) || (encoding === 'windows-1252' && code >= 0x80 && code <= 0x9f)))) {
        throw new Error(`${char} is not in ${encoding}`);
      }
      return code;
    }),
  );
}

/** The XML declaration's `encoding="UTF-8"` replaced by `label`, or the whole declaration removed (null). */
export function declared(xml: string, label: string | null): string {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('document without the expected declaration');
  if (label === null) return xml.replace(/^<\?xml[^>]*>\r?\n?/, '');
  return xml.replace('encoding="UTF-8"', `encoding="${label}"`);
}

/** 1-based line and column (code points) of `text`'s first `needle`; byte offset in UTF-8. */
export function positionOf(text: string, needle: string): { line: number; column: number; utf8Offset: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1, utf8Offset: Buffer.byteLength(before) };
}
