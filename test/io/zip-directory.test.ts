// The zip directory reader (src/io/zip-directory.ts): duplicate names in every disguise; and its
// optional inflation budget: an entry is charged its declared size before a byte is inflated, an
// entry that does not fit is not inflated at all, and once a budget refused an entry it refuses every
// later one (what was read is a prefix). Digests are taken as the entry inflates, with the same
// checks as a whole read.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ByteBudget, digestZipEntry, openZipDirectory, proportionalBudget, readZipEntry, type OpenedZip } from '../../src/io/zip-directory.js';
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

async function open(entries: { name: string; data: Buffer }[]): Promise<OpenedZip> {
  const opened = await openZipDirectory(writeZip(entries), LIMITS);
  if (!opened.ok) throw new Error(opened.problem.kind);
  return opened;
}

const ref = (zip: OpenedZip, name: string) => zip.entries.get(name)!;

describe('ByteBudget', () => {
  it('grants what fits, then refuses for good once it refused', () => {
    const budget = new ByteBudget(100);
    expect([budget.take(60), budget.take(30), budget.take(20), budget.take(1), budget.take(0)]).toEqual([true, true, false, false, false]);
    expect(budget.spent).toBe(90);
  });

  it('is proportional to the bytes present, between a floor and a ceiling', () => {
    const bounds = { ratio: 32, minBytes: 1000, maxBytes: 10_000 };
    expect([10, 100, 200, 1000].map((present) => proportionalBudget(present, bounds))).toEqual([1000, 3200, 6400, 10_000]);
  });
});

describe('reading an entry within a budget', () => {
  const data = Buffer.alloc(5000, 'a');

  it('charges the declared size and reads the entry when it fits', async () => {
    const zip = await open([{ name: 'A.TXT', data }]);
    const budget = new ByteBudget(6000);
    const read = await readZipEntry(zip.zip, ref(zip, 'A.TXT'), { budget });
    expect(read.ok && read.bytes.equals(data)).toBe(true);
    expect(budget.spent).toBe(5000);
    zip.close();
  });

  it('refuses an entry that does not fit without inflating it, and every entry after', async () => {
    const zip = await open([
      { name: 'A.TXT', data },
      { name: 'B.TXT', data },
      { name: 'C.TXT', data: Buffer.from('petit') },
    ]);
    const budget = new ByteBudget(8000);
    expect((await readZipEntry(zip.zip, ref(zip, 'A.TXT'), { budget })).ok).toBe(true);
    expect(await readZipEntry(zip.zip, ref(zip, 'B.TXT'), { budget })).toEqual({ ok: false, problem: { kind: 'over-budget', size: 5000 } });
    expect(await readZipEntry(zip.zip, ref(zip, 'C.TXT'), { budget })).toEqual({ ok: false, problem: { kind: 'over-budget', size: 5 } });
    expect(budget.spent).toBe(5000);
    zip.close();
  });

  it('reads without a budget as before', async () => {
    const zip = await open([{ name: 'A.TXT', data }]);
    const read = await readZipEntry(zip.zip, ref(zip, 'A.TXT'));
    expect(read.ok && read.bytes.length).toBe(5000);
    zip.close();
  });
});

describe('digest of an entry, taken as it inflates', () => {
  it('gives the SHA-1 and length of the entry, charged to the budget', async () => {
    const data = Buffer.from('%PDF-1.4\n'.repeat(10_000));
    const zip = await open([{ name: 'DOC.PDF', data }]);
    const budget = new ByteBudget(1024 * 1024);
    expect(await digestZipEntry(zip.zip, ref(zip, 'DOC.PDF'), 'sha1', { budget })).toEqual({ ok: true, digest: createHash('sha1').update(data).digest('hex'), size: data.length });
    expect(budget.spent).toBe(data.length);
    expect(await digestZipEntry(zip.zip, ref(zip, 'DOC.PDF'), 'sha1', { budget: new ByteBudget(10) })).toEqual({ ok: false, problem: { kind: 'over-budget', size: data.length } });
    zip.close();
  });

  it('checks the CRC-32 as a whole read does', async () => {
    const archive = writeZip([{ name: 'DOC.PDF', data: Buffer.from('contenu du document') }]);
    // The CRC-32 of the local header and of the central directory, both changed.
    const crc = Buffer.from(archive.subarray(14, 18));
    const wrong = Buffer.alloc(4);
    wrong.writeUInt32LE((crc.readUInt32LE(0) + 1) >>> 0);
    for (let at = archive.indexOf(crc); at >= 0; at = archive.indexOf(crc, at + 4)) wrong.copy(archive, at);
    const opened = await openZipDirectory(archive, LIMITS);
    if (!opened.ok) throw new Error(opened.problem.kind);
    const digest = await digestZipEntry(opened.zip, ref(opened, 'DOC.PDF'), 'sha1');
    expect(digest.ok === false && digest.problem.kind).toBe('crc-mismatch');
    opened.close();
  });
});
