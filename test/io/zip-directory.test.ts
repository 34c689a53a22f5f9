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

describe('entry names flagged UTF-8 are decoded strictly (APPNOTE 4.4.4 bit 11, Info-ZIP 0x7075): never U+FFFD', () => {
  const entry = (rawName: Buffer, centralExtra?: Buffer) => ({ name: '', rawName, data: Buffer.from('<a/>'), ...(centralExtra ? { centralExtra } : {}) });
  const latin1Name = Buffer.concat([Buffer.from('IHE_XDM/S/R'), Buffer.from([0xc9]), Buffer.from('SUM.XML')]); // É in Latin-1

  it('a stored name that is not UTF-8 is refused, naming the byte and what precedes it', async () => {
    const opened = await openZipDirectory(writeZip([entry(Buffer.from('A.XML')), entry(latin1Name)]), LIMITS);
    expect(opened.ok ? 'ok' : opened.problem).toEqual({ kind: 'undecodable-name', entry: 'IHE_XDM/S/R', byte: 'C9', offset: 11 });
  });

  it('two names differing only by their invalid bytes are that problem, not a duplicate', async () => {
    const one = Buffer.from([...Buffer.from('IHE_XDM/'), 0xff, ...Buffer.from('1.TXT')]);
    const two = Buffer.from([...Buffer.from('IHE_XDM/'), 0xfe, ...Buffer.from('1.TXT')]);
    const opened = await openZipDirectory(writeZip([entry(one), entry(two)]), LIMITS);
    expect(opened.ok ? 'ok' : opened.problem).toEqual({ kind: 'undecodable-name', entry: 'IHE_XDM/', byte: 'FF', offset: 8 });
  });

  it('a Unicode Path field whose name is not UTF-8 is refused the same way', async () => {
    const stored = 'IHE_XDM/S/DOC.XML';
    const field = unicodePath(stored, 'IHE_XDM/S/X.XML');
    field[field.length - 5] = 0xe9; // IHE_XDM/S/\xE9.XML
    const opened = await openZipDirectory(writeZip([entry(Buffer.from(stored), field)]), LIMITS);
    expect(opened.ok ? 'ok' : opened.problem).toEqual({ kind: 'undecodable-name', entry: 'IHE_XDM/S/', byte: 'E9', offset: 10 });
  });

  it('accepts a UTF-8 name (and U+FFFD written as such, EF BF BD, is a character like another)', async () => {
    const opened = await openZipDirectory(writeZip([entry(Buffer.from('IHE_XDM/S/RÉSUMÉ.XML')), entry(Buffer.from('IHE_XDM/S/\uFFFD.XML'))]), LIMITS);
    expect(opened.ok && [...opened.entries.keys()]).toEqual(['IHE_XDM/S/RÉSUMÉ.XML', 'IHE_XDM/S/\uFFFD.XML']);
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
