// Property-based fuzzing (fast-check, fixed seed, bounded runs) of the xlsx reader and of the zip
// directory reader (issue 9, point 6): whatever the bytes, the outcome is a result or a SegurError
// (xlsx) / a problem (zip) — never another exception, which the CLI would show as « Erreur interne ».
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { importWorkbookBytes } from '../../src/catalog/import.js';
import { isSegurError } from '../../src/errors.js';
import { columnLetters } from '../../src/catalog/xlsx/cell-ref.js';
import { openZipDirectory, readZipEntry } from '../../src/io/zip-directory.js';
import { readZipEntries, writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';
import { remFixture } from './helpers.js';

const SEED = 20_240_115;
const SHA = '0'.repeat(64);
const LIMITS = { maxEntries: 10_000, maxTotalBytes: 100 * 1024 * 1024 };

let deflated: Buffer;
let stored: Buffer;
let entries: ZipEntryInput[];

beforeAll(async () => {
  deflated = readFileSync(remFixture('REM-SAMPLE-LGC.xlsx'));
  entries = await readZipEntries(deflated);
  stored = writeZip(entries.map((entry) => ({ ...entry, stored: true })));
});

/** Imports `bytes`; anything but a result or a SegurError fails the property (rethrown). */
async function importOutcome(bytes: Buffer): Promise<'ok' | string> {
  try {
    await importWorkbookBytes(bytes, SHA, 'fuzz.xlsx');
    return 'ok';
  } catch (error) {
    if (isSegurError(error)) return error.code;
    throw error;
  }
}

/** Opens `bytes` as a zip and reads every entry; both steps must return, never throw. */
async function zipOutcome(bytes: Buffer): Promise<string> {
  const directory = await openZipDirectory(bytes, LIMITS);
  if (!directory.ok) return directory.problem.kind;
  try {
    const kinds: string[] = [];
    for (const ref of directory.entries.values()) {
      const read = await readZipEntry(directory.zip, ref);
      kinds.push(read.ok ? 'ok' : read.problem.kind);
    }
    return kinds.join(',');
  } finally {
    directory.close();
  }
}

/** An edit of a byte string: flips, overwrites, insertions, deletions, truncation. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Buffer, edits: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(source);
  for (const edit of edits) {
    if (bytes.length === 0) break;
    const at = edit.at % bytes.length;
    if (edit.kind === 'flip') bytes[at] = bytes[at]! ^ (1 << edit.bit);
    else if (edit.kind === 'set') bytes.set(edit.bytes.subarray(0, bytes.length - at), at);
    else if (edit.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), edit.bytes, bytes.subarray(at)]);
    else if (edit.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
    else bytes = bytes.subarray(0, at);
  }
  return bytes;
}

/** Sheet XML built from the pieces a worksheet is made of, with hostile values among them. */
const sheetXml = (() => {
  const ref = fc.oneof(
    fc.constantFrom('A1', 'B2', 'XFD1048576', 'A1048577', 'XFE1', '$A$1', 'a1', '', 'A0', '1A', 'ZZZZ1'),
    fc.tuple(fc.integer({ min: 0, max: 16_400 }), fc.integer({ min: 0, max: 1_100_000 })).map(([column, row]) => `${columnLetters(column)}${row}`),
  );
  const value = fc.oneof(fc.constantFrom('0', '1', '83', '-1', '1e308', 'NaN', '4294967296', '', '45352.5', 'x'), fc.string({ maxLength: 12 }).map(escapeXml));
  const piece = fc.oneof(
    fc.tuple(fc.option(fc.integer({ min: -5, max: 1_100_000 })), fc.boolean()).map(([row, hidden]) => `<row${row === null ? '' : ` r="${row}"`}${hidden ? ' hidden="1"' : ''}>`),
    fc.constant('</row>'),
    fc
      .tuple(ref, fc.constantFrom('s', 'inlineStr', 'n', 'b', 'e', 'str', 'd', 'zz'), fc.constantFrom('0', '1', '99', '-3', 'x'), value)
      .map(([r, t, s, v]) => (t === 'inlineStr' ? `<c r="${r}" t="${t}"><is><t>${v}</t></is></c>` : `<c r="${r}" t="${t}" s="${s}"><v>${v}</v></c>`)),
    fc.tuple(ref, ref).map(([from, to]) => `<mergeCell ref="${from}:${to}"/>`),
    fc.tuple(fc.integer({ min: -2, max: 20_000 }), fc.integer({ min: -2, max: 20_000 })).map(([min, max]) => `<col min="${min}" max="${max}" hidden="1"/>`),
    fc.constantFrom('<rPh><t>x</t></rPh>', '_x000B_', '_xD83D_', '&#x85;', '<![CDATA[a]]>', '<x:c r="A2" t="s"><x:v>0</x:v></x:c>'),
    // A requirement ID (column B) and a scenario number (column I) on some row: assembly is reached.
    fc.integer({ min: 2, max: 40 }).map((row) => `<row r="${row}"><c r="B${row}" t="inlineStr"><is><t>X.01</t></is></c><c r="E${row}" t="s"><v>15</v></c></row>`),
    fc.integer({ min: 2, max: 40 }).map((row) => `<row r="${row}"><c r="I${row}" t="inlineStr"><is><t>X.01.01</t></is></c></row>`),
  );
  // The sample's header row (shared strings 0…13) first, so that most sheets get past header detection.
  const header = Array.from({ length: 14 }, (_, column) => `<c r="${columnLetters(column)}1" t="s"><v>${column}</v></c>`).join('');
  return fc
    .array(piece, { maxLength: 60 })
    .map((pieces) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header}</row>${pieces.join('')}</sheetData></worksheet>`);
})();

function escapeXml(text: string): string {
  return text.replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

const withPart = (name: string, data: Buffer) => writeZip(entries.map((entry) => (entry.name === name ? { ...entry, data } : entry)));
const XML_PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'docProps/core.xml', 'xl/worksheets/sheet1.xml'];

describe('xlsx reader fuzzing: a result or a SegurError, nothing else', () => {
  it('random bytes (some starting like a zip)', async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.uint8Array({ maxLength: 2048 }).map((tail) => Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), tail])));
    await fc.assert(fc.asyncProperty(bytes, async (data) => void (await importOutcome(Buffer.from(data)))), { seed: SEED, numRuns: 300 });
  });

  it('mutations of the sample workbook, deflated and stored', async () => {
    const property = fc.asyncProperty(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (useStored, edits) => {
      await importOutcome(mutate(useStored ? stored : deflated, edits));
    });
    await fc.assert(property, { seed: SEED, numRuns: 300 });
  });

  it('mutations of one XML part, re-zipped with a correct CRC-32 (the XML and cell logic is reached)', async () => {
    const outcomes = new Set<string>();
    const property = fc.asyncProperty(fc.constantFrom(...XML_PARTS), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (part, edits) => {
      const original = entries.find((entry) => entry.name === part)!.data;
      outcomes.add(await importOutcome(withPart(part, mutate(original, edits))));
    });
    await fc.assert(property, { seed: SEED, numRuns: 200 });
    expect([...outcomes].sort()).toEqual(expect.arrayContaining(['catalog/part-invalid-bytes', 'catalog/xml-invalid', 'ok']));
  });

  it('generated worksheets: odd references, rows, merges, columns, cell types', async () => {
    const outcomes = new Set<string>();
    const property = fc.asyncProperty(sheetXml, async (xml) => {
      outcomes.add(await importOutcome(withPart('xl/worksheets/sheet1.xml', Buffer.from(xml))));
    });
    await fc.assert(property, { seed: SEED, numRuns: 300 });
    // The runs went through the whole pipeline: catalogs made, and rows refused by the assembly.
    expect(outcomes.has('ok')).toBe(true);
    expect(outcomes.has('catalog/no-requirements')).toBe(true);
  });
});

describe('zip directory fuzzing: a result or a problem, never a throw', () => {
  it('random bytes and mutations of a real archive', async () => {
    const source = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((data) => Buffer.from(data)),
      fc.tuple(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([useStored, edits]) => mutate(useStored ? stored : deflated, edits)),
    );
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(source, async (bytes) => {
        outcomes.add((await zipOutcome(bytes)).split(',')[0]!);
      }),
      { seed: SEED, numRuns: 400 },
    );
    // The runs reached both the listing and the entry reads.
    expect(outcomes.has('unreadable')).toBe(true);
    expect(outcomes.has('ok')).toBe(true);
  });
});
