// The one decoding path (src/io/decode.ts): each encoding decoded as itself, fatally.
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWith } from '../../src/io/decode.js';

const xml = (encoding: string, body: number[]) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><t>`), Buffer.from(body), Buffer.from('</t>')]);

describe('single-byte encodings, each as itself', () => {
  it.each([
    // windows-1252's 0x80–0x9F block (€ ‚ ƒ „ … ’ œ Ÿ): Node's own decoder reads it as Latin-1 C1 controls.
    ['windows-1252', [0x80, 0x82, 0x83, 0x84, 0x85, 0x92, 0x9c, 0x9f, 0xe9], '€‚ƒ„…’œŸé'],
    ['cp1252', [0x80, 0x96, 0x97, 0x99], '€–—™'],
    // ISO-8859-1: byte = code point (0x80–0x9F stay C1 controls: that is what the encoding says).
    ['ISO-8859-1', [0x80, 0xe9, 0xff], '\u0080éÿ'],
    // ISO-8859-15: œ at 0xBD, € at 0xA4, Ÿ at 0xBE.
    ['ISO-8859-15', [0xa4, 0xbd, 0xbe, 0xe9], '€œŸé'],
  ])('%s', (encoding, bytes, text) => {
    const decoded = decodeText(xml(encoding, bytes), { xml: true });
    expect(decoded.ok && decoded.text.slice(decoded.text.indexOf('<t>') + 3, decoded.text.indexOf('</t>'))).toBe(text);
  });

  it('keeps the five bytes windows-1252 leaves undefined as the C1 controls of the same value (WHATWG)', () => {
    const decoded = decodeWith(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), 'windows-1252');
    expect(decoded).toEqual({ ok: true, text: '\u0081\u008d\u008f\u0090\u009d', encoding: 'windows-1252' });
  });
});

describe('fatal decoding with positions', () => {
  it('places an invalid UTF-8 byte by line and column (1-based)', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from('<a>\n  é'), Buffer.from([0xe9]), Buffer.from('</a>')]), { xml: true });
    expect(decoded).toEqual({ ok: false, problem: { kind: 'invalid-bytes', encoding: 'utf-8', byteOffset: 8, line: 2, column: 4 } });
  });

  it('reports an encoding it does not decode', () => {
    expect(decodeText(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><a/>'), { xml: true })).toEqual({ ok: false, problem: { kind: 'unknown-encoding', declared: 'Shift_JIS' } });
  });

  it('honours a UTF-16 byte order mark whatever the declaration says', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><a>é</a>';
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), { xml: true })).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });
});
