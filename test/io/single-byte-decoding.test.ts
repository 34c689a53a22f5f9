// The single-byte decoders, byte for byte: ISO-8859-1 maps each byte to the same code point;
// windows-1252 differs only on 0x80–0x9F (WHATWG Encoding Standard index, the five unassigned bytes
// kept as C1 controls). Both went through a faster path (a Latin-1 read, then 0x80–0x9F swapped):
// every one of the 256 bytes, at any offset of a buffer slice, decodes as before.
import { describe, expect, it } from 'vitest';
import { decodeWith } from '../../src/io/decode.js';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);
/** A view that does not start at its buffer's beginning, as the readers' subarrays. */
const sliced = (bytes: Uint8Array) => new Uint8Array([7, 7, ...bytes, 7]).subarray(2, 2 + bytes.length);

describe('single-byte decoding', () => {
  it('ISO-8859-1: byte n is U+00nn', () => {
    expect(decodeWith(sliced(ALL_BYTES), 'iso-8859-1')).toEqual({ ok: true, text: String.fromCharCode(...ALL_BYTES), encoding: 'iso-8859-1' });
  });

  // Node's own TextDecoder('windows-1252') is Latin-1 on 0x80–0x9F: the expected text is written out.
  it('windows-1252: the WHATWG index (€ at 0x80, œ at 0x9C, Ÿ at 0x9F, 0x81/0x8D/0x8F/0x90/0x9D kept)', () => {
    const high = '20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f 90 2018 2019 201c 201d 2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178'.split(' ').map((hex) => parseInt(hex, 16));
    const expected = Array.from(ALL_BYTES, (byte) => String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80]! : byte)).join('');
    expect(decodeWith(sliced(ALL_BYTES), 'windows-1252')).toEqual({ ok: true, text: expected, encoding: 'windows-1252' });
  });
});
