// The zip directory reader (src/io/zip-directory.ts): duplicate names in every disguise.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openZipDirectory } from '../../src/io/zip-directory.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';

const LIMITS = { maxEntries: 100, maxTotalBytes: 1024 * 1024 };

/** Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the stored name, the UTF-8 name to use. */
function unicodePath(stored: string, shown: string): Buffer {
  const name = Buffer.from(shown, 'utf8');
  const field = Buffer.alloc(4 + 5 + name.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(Buffer.from(stored, 'utf8')) >>> 0, 5);
  name.copy(field, 9);
  return field;
}

describe('duplicate entry names are refused whatever the disguise', () => {
  it.each([
    ['same name', ['IHE_XDM/S/DOC.XML', 'IHE_XDM/S/DOC.XML'], [undefined, undefined]],
    ['names differing by case', ['IHE_XDM/S/DOC.XML', 'IHE_XDM/S/doc.xml'], [undefined, undefined]],
    ['a backslash and a slash', ['IHE_XDM\\S\\DOC.XML', 'IHE_XDM/S/DOC.XML'], [undefined, undefined]],
    ['NFC and NFD', ['IHE_XDM/S/r\u00e9sum\u00e9.XML', 'IHE_XDM/S/re\u0301sume\u0301.XML'], [undefined, undefined]],
    ['one stored name, two Unicode Path names', ['IHE_XDM/S/DOC.XML', 'IHE_XDM/S/DOC.XML'], [unicodePath('IHE_XDM/S/DOC.XML', 'IHE_XDM/S/OTHER.XML'), undefined]],
  ] as const)('%s', async (_name, names, extras) => {
    const zip = writeZip(names.map((name, index) => ({ name, data: Buffer.from(`<a>${index}</a>`), ...(extras[index] ? { centralExtra: extras[index] } : {}) })));
    const opened = await openZipDirectory(zip, LIMITS);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problem.kind).toBe('duplicate-entry');
  });

  it('accepts distinct names', async () => {
    const opened = await openZipDirectory(writeZip([{ name: 'A.XML', data: Buffer.from('<a/>') }, { name: 'B.XML', data: Buffer.from('<b/>') }]), LIMITS);
    expect(opened.ok).toBe(true);
  });
});
