// One table per kind of fault (issue 8, points 2, 4 and 7), over every XML part the importer reads:
// encodings, truncation, part-name case, duplicate entries, CRC-32, local/central name mismatch and
// the other zip faults — each with its exact code and arguments. Workbooks are the bundled sample
// with one part changed, built in memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importWorkbookBytes } from '../../src/catalog/import.js';
import { readZipEntries, writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';
import { countsOf, remFixture, segurErrorOf } from './helpers.js';
import { formatMessage } from '../../src/messages/index.js';

const FILE = 'REM-test.xlsx';
const SHA = '0'.repeat(64);
const SAMPLE_COUNTS = { requirements: 7, scenarios: 8, proofs: 10 };

/** Every XML part the importer reads, with the part name its messages use. */
const PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'docProps/core.xml', 'xl/worksheets/sheet1.xml'];

let sample: ZipEntryInput[];
let sampleRequirements: unknown;

beforeAll(async () => {
  sample = await readZipEntries(readFileSync(remFixture('REM-SAMPLE-LGC.xlsx')));
  sampleRequirements = (await importWorkbookBytes(writeZip(sample), SHA, FILE)).catalog.requirements;
});

const textOf = (name: string) => sample.find((entry) => entry.name === name)!.data.toString('utf8');
const withEntries = (edit: (entries: ZipEntryInput[]) => ZipEntryInput[]) => writeZip(edit(sample.map((entry) => ({ ...entry }))));
const withPartBytes = (name: string, data: Buffer) => withEntries((entries) => entries.map((entry) => (entry.name === name ? { ...entry, data } : entry)));
const importBytes = (bytes: Buffer) => importWorkbookBytes(bytes, SHA, FILE);

/** 1-based line and column of `offset` in `text`. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

describe.each(PARTS)('part %s', (part) => {
  it('an invalid UTF-8 byte is refused naming the part, line and column (no U+FFFD)', async () => {
    const text = textOf(part);
    const at = text.indexOf('>', text.indexOf('?>') + 2) + 1; // just inside the root element
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
    const error = await segurErrorOf(importBytes(withPartBytes(part, bytes)));
    expect(error.code).toBe('catalog/part-invalid-bytes');
    expect(error.args).toEqual({ file: FILE, part, ...positionOf(text, at), encoding: 'UTF-8', offset: Buffer.byteLength(text.slice(0, at)) });
  });

  it.each([
    ['UTF-16LE with BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')])],
    ['UTF-16BE with BOM', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le').swap16()])],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    [
      'ISO-8859-1 declared (characters beyond Latin-1 as references)',
      (text: string) => Buffer.from(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(/[^\u0000-\u00ff]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`), 'latin1'),
    ],
  ])('%s reads as the UTF-8 original', async (_name, encode) => {
    const { catalog } = await importBytes(withPartBytes(part, encode(textOf(part))));
    expect(catalog.requirements).toEqual(sampleRequirements);
  });

  it('an encoding segur does not decode is refused by name', async () => {
    const error = await segurErrorOf(importBytes(withPartBytes(part, Buffer.from(textOf(part).replace('encoding="UTF-8"', 'encoding="KOI8-R"')))));
    expect(error.code).toBe('catalog/part-unknown-encoding');
    expect(error.args).toEqual({ file: FILE, part, encoding: 'KOI8-R' });
  });

  it('a truncated part is invalid XML with its position', async () => {
    const text = textOf(part);
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const error = await segurErrorOf(importBytes(withPartBytes(part, Buffer.from(cut))));
    expect(error.code).toBe('catalog/xml-invalid');
    expect(error.args).toMatchObject({ file: FILE, part });
    expect(error.args.line).toBeGreaterThanOrEqual(1);
    expect(error.args.column).toBeGreaterThanOrEqual(1);
  });
});

describe.each(PARTS)('part %s: the first well-formedness fault, where it is and in our words', (part) => {
  it('a bare & is placed at the & (saxes would report it at the next ; or at the end)', async () => {
    const text = textOf(part);
    const at = text.indexOf('>', text.indexOf('?>') + 2) + 1; // just inside the root element
    const error = await segurErrorOf(importBytes(withPartBytes(part, Buffer.from(`${text.slice(0, at)}\nA & B${text.slice(at)}`))));
    expect(error.code).toBe('catalog/xml-invalid');
    expect(error.args).toMatchObject({ file: FILE, part, ...positionOf(`${text.slice(0, at)}\nA `, at + 3), detailCode: 'xml/bare-ampersand' });
    expect(formatMessage(error.code, error.args)).toContain('« & » n’est suivi d’aucune entité ni référence de caractère');
  });

  it('a second root after the part is said in French, at the second root', async () => {
    const text = textOf(part).trimEnd();
    const error = await segurErrorOf(importBytes(withPartBytes(part, Buffer.from(`${text}\n<junk/>`))));
    expect(error.code).toBe('catalog/xml-invalid');
    expect(error.args).toMatchObject({ file: FILE, part, line: text.split('\n').length + 1, detailCode: 'xml/second-root' });
    expect(formatMessage(error.code, error.args)).not.toMatch(/documents may contain/);
  });
});

describe('OPC part names compare without regard to case (ECMA-376 Part 2, §6.2.2.3)', () => {
  const renamed = (from: string, to: string) => (entries: ZipEntryInput[]) => entries.map((entry) => (entry.name === from ? { ...entry, name: to } : entry));
  const editPart = (name: string, edit: (text: string) => string) => (entries: ZipEntryInput[]) =>
    entries.map((entry) => (entry.name === name ? { ...entry, data: Buffer.from(edit(entry.data.toString('utf8'))) } : entry));

  it.each([
    ['xl/SharedStrings.xml (field case xlsx-part-name-case)', renamed('xl/sharedStrings.xml', 'xl/SharedStrings.xml')],
    ['XL/WORKSHEETS/SHEET1.XML', renamed('xl/worksheets/sheet1.xml', 'XL/WORKSHEETS/SHEET1.XML')],
    ['xl/Workbook.xml', renamed('xl/workbook.xml', 'xl/Workbook.xml')],
    ['_RELS/.RELS', renamed('_rels/.rels', '_RELS/.RELS')],
    ['xl/_Rels/Workbook.xml.rels', renamed('xl/_rels/workbook.xml.rels', 'xl/_Rels/Workbook.xml.rels')],
    ['[content_types].xml', renamed('[Content_Types].xml', '[content_types].xml')],
    ['relationship target in other case', editPart('xl/_rels/workbook.xml.rels', (text) => text.replace('Target="worksheets/sheet1.xml"', 'Target="Worksheets/SHEET1.xml"'))],
    ['absolute relationship target', editPart('xl/_rels/workbook.xml.rels', (text) => text.replace('Target="sharedStrings.xml"', 'Target="/xl/sharedStrings.xml"'))],
    ['relationship types in capitals', editPart('xl/_rels/workbook.xml.rels', (text) => text.replace(/Type="([^"]+)"/g, (_whole, type: string) => `Type="${type.toUpperCase()}"`))],
    [
      'percent-encoded target (part name with a space)',
      (entries: ZipEntryInput[]) =>
        editPart('xl/_rels/workbook.xml.rels', (text) => text.replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/sheet%201.xml"'))(
          renamed('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet 1.xml')(entries),
        ),
    ],
  ])('%s: imported like the sample', async (_name, edit) => {
    const { catalog } = await importBytes(withEntries(edit));
    expect(countsOf(catalog)).toEqual(SAMPLE_COUNTS);
  });

  it('the rebuilt field case imports its 7 requirements', async () => {
    const { catalog } = await importBytes(readFileSync(remFixture('field-part-name-case.xlsx')));
    expect(countsOf(catalog)).toEqual(SAMPLE_COUNTS);
  });
});

describe('zip entries the importer refuses', () => {
  it.each([
    ['same name twice', 'xl/sharedStrings.xml', 'xl/sharedStrings.xml'],
    ['same name up to case', 'xl/SharedStrings.xml', 'xl/SharedStrings.xml'],
    ['same name up to Unicode normalisation', 'xl/média.xml'.normalize('NFD'), 'xl/média.xml'],
    ['same name with a backslash separator', 'xl\\sharedStrings.xml', 'xl/sharedStrings.xml'],
  ])('duplicate entry (%s)', async (_name, added, shown) => {
    const base = added.startsWith('xl/m') ? [...sample, { name: 'xl/média.xml', data: Buffer.from('<a/>') }] : sample;
    const bytes = writeZip([...base, { name: added, data: Buffer.from('<sst/>') }]);
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-duplicate-entry');
    expect(error.args).toEqual({ file: FILE, entry: shown });
  });

  /** The sample with the sheet stored (not deflated), so that its bytes can be found and changed. */
  const storedSheet = () => withEntries((entries) => entries.map((entry) => (entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, stored: true } : entry)));

  it('CRC-32 mismatch', async () => {
    const bytes = storedSheet();
    const at = bytes.indexOf('<sheetData>');
    bytes[at + 1] = 'S'.charCodeAt(0);
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-crc-mismatch');
    expect(error.args).toEqual({ file: FILE, entry: 'xl/worksheets/sheet1.xml' });
  });

  it('local header naming another file than the central directory', async () => {
    const bytes = storedSheet();
    const local = bytes.indexOf('xl/worksheets/sheet1.xml'); // the local header comes first
    bytes.write('xl/worksheets/sheet9.xml', local, 'utf8');
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-name-mismatch');
    expect(error.args).toEqual({ file: FILE, entry: 'xl/worksheets/sheet1.xml', localName: 'xl/worksheets/sheet9.xml' });
  });

  it('an entry whose deflated data is garbage', async () => {
    const bytes = withEntries((entries) => entries);
    const sheetName = bytes.indexOf('xl/worksheets/sheet1.xml');
    const data = sheetName + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, data, data + 40);
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-entry-corrupt');
    expect(error.args).toEqual({ file: FILE, entry: 'xl/worksheets/sheet1.xml' });
  });

  it('a compression method segur does not read', async () => {
    const bytes = withEntries((entries) => entries);
    for (let offset = 0; offset < bytes.length - 4; offset++) {
      const signature = bytes.readUInt32LE(offset);
      if (signature === 0x04034b50) bytes.writeUInt16LE(12, offset + 8);
      else if (signature === 0x02014b50) bytes.writeUInt16LE(12, offset + 10);
    }
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-unsupported');
  });

  it('a damaged central directory', async () => {
    const bytes = withEntries((entries) => entries);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes[central + 2] = 0x09;
    const error = await segurErrorOf(importBytes(bytes));
    expect(error.code).toBe('catalog/zip-corrupt');
    expect(error.args).toEqual({ file: FILE });
  });

  it('a truncated archive', async () => {
    const whole = withEntries((entries) => entries);
    for (const length of [whole.length - 10, Math.floor(whole.length / 2), 30]) {
      const error = await segurErrorOf(importBytes(whole.subarray(0, length)));
      expect(error.code).toBe('catalog/zip-truncated');
    }
  });
});
