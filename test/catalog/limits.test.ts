// Catalog caps (src/catalog/limits.ts): requirements, scenarios, proofs and total text, checked while
// a workbook is assembled (the row named) and when a catalog file is loaded (YAML aliases counted each
// time they are used), so that `init`, `check` and `diff` inherit them (attack report, item 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { assembleRequirements } from '../../src/catalog/assemble.js';
import { findHeader } from '../../src/catalog/header/detect.js';
import { importWorkbookBytes } from '../../src/catalog/import.js';
import { CATALOG_LIMITS, MAX_CATALOG_BYTES, type CatalogLimits } from '../../src/catalog/limits.js';
import { loadCatalogFile } from '../../src/catalog/store.js';
import { runCatalogImport } from '../../src/catalog/commands/import-command.js';
import { isSegurError } from '../../src/errors.js';
import { readZipEntries, writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';
import { gridOf, remFixture, segurErrorOf } from './helpers.js';

const HEADER = ['ID', 'Exigence', 'N° scénario', 'Scénario de conformité', 'N° preuve 1', 'Preuve 1', 'N° preuve 2', 'Preuve 2'];
const SMALL: CatalogLimits = { maxRequirements: 2, maxScenarios: 3, maxProofs: 4, maxTextChars: 200 };

let dir: string;
let sample: ZipEntryInput[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segur-catalog-limits-'));
  sample = await readZipEntries(readFileSync(remFixture('REM-SAMPLE-LGC.xlsx')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function assembleError(rows: string[][], limits: CatalogLimits) {
  try {
    assembleRequirements('t.xlsx', findHeader('t.xlsx', [gridOf('Exigences', [HEADER, ...rows])]), limits);
  } catch (error) {
    if (isSegurError(error)) return { code: error.code, args: error.args };
    throw error;
  }
  return undefined;
}

describe('caps while assembling a workbook: the row that passes one is named', () => {
  it.each([
    ['a third requirement', [['A', 'E'], ['B', 'E'], ['C', 'E']], 'catalog/limit-requirements', { row: 4, max: 2 }],
    ['requirements repeated on many rows count once', [['A', 'E', 'A.1'], ['A', 'E', 'A.2'], ['B', 'E', 'B.1']], undefined, undefined],
    ['a fourth scenario', [['A', 'E', 'A.1'], ['A', 'E', 'A.2'], ['B', 'E', 'B.1'], ['B', 'E', 'B.2']], 'catalog/limit-scenarios', { row: 5, max: 3 }],
    [
      'a fifth proof, two per row',
      [['A', 'E', 'A.1', '', 'A.1.1', '', 'A.1.2'], ['A', 'E', 'A.2', '', 'A.2.1', '', 'A.2.2'], ['B', 'E', 'B.1', '', 'B.1.1']],
      'catalog/limit-proofs',
      { row: 4, max: 4 },
    ],
    ['text: one long statement', [['A', 'x'.repeat(200)]], 'catalog/limit-text', { row: 2, max: 200 }],
    ['text: short texts adding up (ids included)', [['A', 'x'.repeat(99)], ['B', 'y'.repeat(99)], ['A', 'x'.repeat(99), 'A.1', 'z']], 'catalog/limit-text', { row: 4, max: 200 }],
    ['text: a proof text given on a later row counts', [['A', 'E', 'A.1', '', 'A.1.1'], ['A', 'E', 'A.1', '', 'A.1.1', 'p'.repeat(195)]], 'catalog/limit-text', { row: 3, max: 200 }],
  ])('%s', (_name, rows, code, args) => {
    const error = assembleError(rows, SMALL);
    expect(error).toEqual(code === undefined ? undefined : { code, args: { file: 't.xlsx', sheet: 'Exigences', ...args } });
  });
});

describe('caps when a catalog file is loaded', () => {
  const requirement = (id: string, scenarios: { id: string; text: string; proofs: { id: string; text: string }[] }[] = [], statement = 'E') => ({
    id,
    chapter: 'C',
    function: 'F',
    statement,
    nature: 'EXIGENCE',
    conditional: null,
    profiles: ['G'],
    scenarios,
  });
  const catalogText = (requirements: unknown[]) =>
    stringify({ schema: 'segur-catalog/1', id: 'L', title: 'T', source: { file: 'l.xlsx', sheet: 'S', sha256: '0'.repeat(64) }, requirements });
  const scenario = (id: string, proofs: string[] = []) => ({ id, text: '', proofs: proofs.map((proof) => ({ id: proof, text: '' })) });

  it.each([
    ['three requirements', [requirement('A'), requirement('B'), requirement('C')], 'catalog/file-limit-requirements', 2],
    ['four scenarios', [requirement('A', [scenario('A.1'), scenario('A.2')]), requirement('B', [scenario('B.1'), scenario('B.2')])], 'catalog/file-limit-scenarios', 3],
    ['five proofs', [requirement('A', [scenario('A.1', ['1', '2', '3']), scenario('A.2', ['4', '5'])])], 'catalog/file-limit-proofs', 4],
    ['text past the total', [requirement('A', [], 'x'.repeat(150)), requirement('B', [], 'y'.repeat(50))], 'catalog/file-limit-text', 200],
  ])('%s', async (name, requirements, code, max) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, catalogText(requirements));
    const error = await segurErrorOf(loadCatalogFile(file, SMALL));
    expect({ code: error.code, args: error.args }).toEqual({ code, args: { file, max } });
  });

  it('a catalog at the caps loads', async () => {
    const file = join(dir, 'at-caps.yaml');
    writeFileSync(file, catalogText([requirement('A', [scenario('A.1', ['1', '2']), scenario('A.2', ['3', '4'])]), requirement('B', [scenario('B.1')])]));
    await expect(loadCatalogFile(file, SMALL)).resolves.toMatchObject({ id: 'L' });
  });

  it('default caps: a 41 KB file whose statement is aliased 80 times (3.2 million characters) is refused', async () => {
    const file = join(dir, 'aliases.yaml');
    const head = `schema: segur-catalog/1\nid: L\ntitle: T\nsource: {file: l.xlsx, sheet: S, sha256: "${'0'.repeat(64)}"}\nrequirements:\n`;
    const first = `  - {id: R0, chapter: C, function: F, statement: &s "${'x'.repeat(40_000)}", nature: EXIGENCE, conditional: null, profiles: [G], scenarios: []}\n`;
    const others = Array.from({ length: 79 }, (_, index) => `  - {id: R${index + 1}, chapter: C, function: F, statement: *s, nature: EXIGENCE, conditional: null, profiles: [G], scenarios: []}\n`);
    writeFileSync(file, head + first + others.join(''));
    const error = await segurErrorOf(loadCatalogFile(file));
    expect({ code: error.code, args: error.args }).toEqual({ code: 'catalog/file-limit-text', args: { file, max: CATALOG_LIMITS.maxTextChars } });
  });
});

describe('default caps on workbooks built like the attack (one long shared string on every row)', () => {
  /** The sample workbook whose sheet is a header and `rows` rows: an inline id, then shared string 0 as statement. */
  function amplified(rows: number, shared: string, idOf: (index: number) => string = (index) => `X/va${1000 + index}`): Buffer {
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const data = Array.from({ length: rows }, (_, index) => `<row r="${index + 2}">${inline(`A${index + 2}`, idOf(index))}<c r="B${index + 2}" t="s"><v>0</v></c></row>`);
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', 'ID')}${inline('B1', 'Exigence')}</row>${data.join('')}</sheetData></worksheet>`;
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${shared}</t></si></sst>`;
    return writeZip(
      sample.map((entry) =>
        entry.name === 'xl/worksheets/sheet1.xml' ? { name: entry.name, data: Buffer.from(sheet) } : entry.name === 'xl/sharedStrings.xml' ? { name: entry.name, data: Buffer.from(strings) } : entry,
      ),
    );
  }

  it('stops at the row whose text passes 3,000,000 characters (each row: an 8-character id and 32,000 characters)', async () => {
    const error = await segurErrorOf(importWorkbookBytes(amplified(1_000, `Le logiciel DOIT ${'x'.repeat(31_983)}`), '0'.repeat(64), 'amp.xlsx'));
    // 93 rows hold 93 × 32,008 = 2,976,744 characters; the 94th (row 95) passes the cap.
    expect({ code: error.code, args: error.args }).toEqual({ code: 'catalog/limit-text', args: { file: 'amp.xlsx', sheet: 'Exigences', row: 95, max: 3_000_000 } });
  });

  it('stops at the 5,001st requirement when the texts are short', async () => {
    const error = await segurErrorOf(importWorkbookBytes(amplified(6_000, 'E'), '0'.repeat(64), 'many.xlsx'));
    expect({ code: error.code, args: error.args }).toEqual({ code: 'catalog/limit-requirements', args: { file: 'many.xlsx', sheet: 'Exigences', row: 5_002, max: 5_000 } });
  });

  it('catalog import never writes a catalog it could not read back (accented texts within the text cap, past the 4 MiB YAML cap)', async () => {
    const workbook = join(dir, 'accents.xlsx');
    writeFileSync(workbook, amplified(90, 'é'.repeat(32_000)));
    const out = join(dir, 'accents.yaml');
    const error = await segurErrorOf(runCatalogImport(workbook, { out }, 'fr'));
    expect(error.code).toBe('catalog/yaml-too-large');
    expect(error.args).toMatchObject({ file: workbook, max: MAX_CATALOG_BYTES });
    expect(error.args.size).toBeGreaterThan(MAX_CATALOG_BYTES);
    expect(existsSync(out)).toBe(false);
  });
});
