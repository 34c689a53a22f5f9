// Hostile and broken workbooks built on the fly: refused before anything is inflated or read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importWorkbook } from '../../src/catalog/import.js';
import { readZipEntries, writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';
import { remFixture, segurErrorOf } from './helpers.js';

let dir: string;
let sample: ZipEntryInput[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segur-hostile-'));
  sample = await readZipEntries(readFileSync(remFixture('REM-SAMPLE-LGC.xlsx')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeWorkbook(name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function withPart(name: string, edit: (text: string) => string): ZipEntryInput[] {
  return sample.map((entry) => (entry.name === name ? { name, data: Buffer.from(edit(entry.data.toString('utf8'))) } : entry));
}

/** Rewrites the declared uncompressed size of every entry (local and central headers). */
function declareSize(zip: Buffer, size: number): Buffer {
  const patched = Buffer.from(zip);
  for (let offset = 0; offset < patched.length - 4; offset++) {
    const signature = patched.readUInt32LE(offset);
    if (signature === 0x04034b50) patched.writeUInt32LE(size, offset + 22);
    else if (signature === 0x02014b50) patched.writeUInt32LE(size, offset + 24);
  }
  return patched;
}

describe('zip limits, checked on the central directory before inflating', () => {
  it('refuses an archive whose declared sizes exceed the bound, without inflating (the data is not even valid)', async () => {
    const entries = sample.map((entry) => (entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, data: Buffer.from('not deflate data at all'), stored: true } : entry));
    const file = writeWorkbook('lying-size.xlsx', declareSize(writeZip(entries), 0xfffff000));
    const error = await segurErrorOf(importWorkbook(file));
    // Had anything been inflated, yauzl would have failed on the bad data first (catalog/zip-unreadable).
    expect(error.code).toBe('catalog/zip-too-large');
    expect(error.args).toEqual({ file, maxMb: 100 });
  });

  it('refuses the 150 MB bomb fixture well under a second (issue contract; bench/RESULTS.md has the timings)', async () => {
    // The one timed assertion of the suite, with a wide margin: the refusal reads only the central
    // directory (a few ms), whereas inflating would take seconds and 150 MB.
    const start = performance.now();
    const error = await segurErrorOf(importWorkbook(remFixture('hostile-zip-bomb.xlsx')));
    expect(error.code).toBe('catalog/zip-too-large');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('honours a raised bound', async () => {
    const error = await segurErrorOf(importWorkbook(remFixture('hostile-zip-bomb.xlsx'), { limits: { maxTotalBytes: 1024 * 1024, maxEntries: 10_000 } }));
    expect(error.args).toEqual({ file: remFixture('hostile-zip-bomb.xlsx'), maxMb: 1 });
  });

  it('refuses an archive declaring more entries than the bound', async () => {
    const entries = Array.from({ length: 10_001 }, (_, index) => ({ name: `e${index}`, data: Buffer.alloc(0), stored: true }));
    const file = writeWorkbook('many-entries.xlsx', writeZip(entries));
    const error = await segurErrorOf(importWorkbook(file));
    expect(error.code).toBe('catalog/zip-too-many-entries');
    expect(error.args).toEqual({ file, count: 10_001, max: 10_000 });
  });

  it('refuses entry names that climb out of the archive', async () => {
    const file = writeWorkbook('dotdot.xlsx', writeZip([...sample, { name: '../../evil.xml', data: Buffer.from('<x/>') }]));
    const error = await segurErrorOf(importWorkbook(file));
    expect(error.code).toBe('catalog/zip-unsafe-name');
    expect(error.args).toEqual({ file, entry: '../../evil.xml' });
  });

  it('reports a truncated archive as truncated', async () => {
    const whole = readFileSync(remFixture('REM-SAMPLE-LGC.xlsx'));
    const file = writeWorkbook('truncated.xlsx', whole.subarray(0, 3000));
    const error = await segurErrorOf(importWorkbook(file));
    expect(error.code).toBe('catalog/zip-truncated');
    expect(error.args).toEqual({ file });
  });

  it('reports a zip that is not a workbook', async () => {
    const file = writeWorkbook('plain.xlsx', writeZip([{ name: 'readme.txt', data: Buffer.from('bonjour') }]));
    expect((await segurErrorOf(importWorkbook(file))).code).toBe('catalog/not-a-workbook');
  });
});

describe('XML inside the workbook', () => {
  it('refuses a DOCTYPE in shared strings too, and never reads the entity target', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-42');
    const entries = withPart('xl/sharedStrings.xml', (text) =>
      text.replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE sst [<!ENTITY s SYSTEM "file://${secret}">]>`).replace('<t>ID</t>', '<t>&s;</t>'),
    );
    const file = writeWorkbook('doctype-sst.xlsx', writeZip(entries));
    const error = await segurErrorOf(importWorkbook(file));
    expect(error.code).toBe('catalog/xml-doctype');
    expect(error.args).toEqual({ file, part: 'xl/sharedStrings.xml' });
    expect(JSON.stringify(error.args)).not.toContain('TOP-SECRET-42');
  });

  it('refuses a billion-laughs DOCTYPE at once', async () => {
    const laughs = '<!DOCTYPE worksheet [<!ENTITY a "hahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const entries = withPart('xl/worksheets/sheet1.xml', (text) => text.replace(/^(<\?xml[^>]*\?>)/, `$1${laughs}`));
    const error = await segurErrorOf(importWorkbook(writeWorkbook('laughs.xlsx', writeZip(entries))));
    expect(error.code).toBe('catalog/xml-doctype');
  });

  it('reports malformed XML with the part name', async () => {
    const entries = withPart('xl/worksheets/sheet1.xml', (text) => text.replace('</sheetData>', '</sheetDta>'));
    const file = writeWorkbook('broken.xlsx', writeZip(entries));
    const error = await segurErrorOf(importWorkbook(file));
    expect(error.code).toBe('catalog/xml-invalid');
    expect(error.args).toMatchObject({ file, part: 'xl/worksheets/sheet1.xml' });
  });

  it('a merged range reaching the last Excel row costs nothing', async () => {
    const entries = withPart('xl/worksheets/sheet1.xml', (text) =>
      text.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A2:A1048576"/></mergeCells>'),
    );
    const { explanation } = await importWorkbook(writeWorkbook('huge-merge.xlsx', writeZip(entries)));
    expect(explanation.counts).toEqual({ requirements: 7, scenarios: 8, proofs: 10 });
  });
});
