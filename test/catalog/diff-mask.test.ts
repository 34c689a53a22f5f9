// Identifiers in REM texts are masked in every output of `catalog diff` and `catalog show` unless
// --reveal-identifiers (attack report, item 9). A word diff splits a spaced INS into pieces that no
// longer look like one (`2 85 03 69 123 045 [-79-]{+78+}`): texts are masked before diffing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { diffContext, runCatalogDiff } from '../../src/catalog/commands/diff-command.js';
import { runCatalogShow } from '../../src/catalog/commands/show-command.js';
import { diffCatalogs } from '../../src/catalog/diff/compare.js';
import { renderDiffTty } from '../../src/catalog/diff/render-tty.js';
import { maskCatalogTexts } from '../../src/catalog/mask.js';
import type { Catalog, Requirement } from '../../src/catalog/schema.js';

const INS_OLD = '2 85 03 69 123 045 79';
const INS_NEW = '2 85 03 69 123 045 78';
const NIR_OLD = '1850369123045';
const NIR_NEW = '1850369123046';
/** What must never appear once masked: the middle digits of any of the values above, spaced or not. */
const IN_CLEAR = [/69 123/, /0369123/, /9123045/, /912304/];

function requirement(id: string, ins: string, nir: string, extra: Partial<Requirement> = {}, itemPrefix = id): Requirement {
  return {
    id,
    chapter: `Identito-vigilance ${nir}`,
    function: `Appel INSi (exemple ${nir})`,
    statement: `Le logiciel DOIT interroger le téléservice INSi (exemple ${ins}, NIR ${nir}).`,
    nature: 'EXIGENCE',
    conditional: false,
    profiles: ['Général'],
    scenarios: [
      {
        id: `${itemPrefix}.01`,
        text: `Rechercher le patient ${ins} par sa carte Vitale`,
        proofs: [{ id: `${itemPrefix}.01.01`, text: `Capture montrant le NIR ${nir} et le statut de l’identité` }],
      },
    ],
    ...extra,
  };
}

function catalog(id: string, ins: string, nir: string): Catalog {
  return {
    schema: 'segur-catalog/1',
    id,
    title: `REM d’essai du patient ${nir}`,
    source: { file: `${id}.xlsx`, sheet: 'Exigences', sha256: '0'.repeat(64) },
    requirements: [
      requirement('INS/va1.01', ins, nir),
      // An id that looks like a NIR is masked too (wherever it is shown whole). Its scenarios are
      // numbered apart: `<NIR>.01.01` reads as an OID to the masking rules (messages/mask.ts).
      requirement(`X/${nir}`, ins, nir, { statement: 'Exigence sans identifiant dans son énoncé.' }, 'X/2'),
    ],
  };
}

let dir: string;
let oldFile: string;
let newFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segur-diff-mask-'));
  oldFile = join(dir, 'old.json');
  newFile = join(dir, 'new.json');
  writeFileSync(oldFile, JSON.stringify(catalog('REM-OLD', INS_OLD, NIR_OLD)));
  writeFileSync(newFile, JSON.stringify(catalog('REM-NEW', INS_NEW, NIR_NEW)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function xlsxText(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as unknown;
        if (value && typeof value === 'object' && 'richText' in value) texts.push((value as { richText: { text: string }[] }).richText.map((run) => run.text).join(''));
        else texts.push(String(value ?? ''));
      }),
    ),
  );
  return texts.join('\n');
}

/** Every format of `catalog diff`, written to files; their texts by format. */
async function diffOutputs(name: string, revealIdentifiers: boolean): Promise<Record<string, string>> {
  const out = join(dir, name);
  mkdirSync(out);
  const formats = ['tty', 'json', 'markdown', 'xlsx'];
  await runCatalogDiff(oldFile, newFile, { format: formats.map((format) => `${format}:${join(out, format)}`) }, { lang: 'fr', color: false, revealIdentifiers });
  const texts: Record<string, string> = {};
  for (const format of formats) texts[format] = format === 'xlsx' ? await xlsxText(join(out, format)) : readFileSync(join(out, format), 'utf8');
  return texts;
}

describe('catalog diff masks identifiers in every format', () => {
  it.each(['tty', 'json', 'markdown', 'xlsx'])('%s: no identifier in clear, the key digits that changed still shown', async (format) => {
    const text = (await diffOutputs(`masked-${format}`, false))[format]!;
    for (const pattern of IN_CLEAR) expect(text).not.toMatch(pattern);
    // Masked values keep their first five and last two digits: the change of key is still visible.
    expect(text).toContain('2 85 03 •• ••• ••• ');
    expect(text).toContain('18503••••••');
    expect(text).toContain('X/18503••••••46');
  });

  it('the word diff compares masked texts: a spaced INS is never split into clear halves', async () => {
    const texts = await diffOutputs('masked-words', false);
    expect(texts.tty).toContain('2 85 03 •• ••• ••• [-79-]{+78+}, NIR 18503••••••[-45-]{+46+})');
    const json = JSON.parse(texts.json!);
    expect(json.requirements[0].changes[0]).toEqual({
      field: 'statement',
      words: [
        { op: '=', text: 'Le logiciel DOIT interroger le téléservice INSi (exemple 2 85 03 •• ••• ••• ' },
        { op: '-', text: '79' },
        { op: '+', text: '78' },
        { op: '=', text: ', NIR 18503••••••' },
        { op: '-', text: '45' },
        { op: '+', text: '46' },
        { op: '=', text: ').' },
      ],
    });
  });

  it('colours on: the coloured tty masks too', () => {
    const oldCatalog = maskCatalogTexts(catalog('REM-OLD', INS_OLD, NIR_OLD));
    const newCatalog = maskCatalogTexts(catalog('REM-NEW', INS_NEW, NIR_NEW));
    const text = renderDiffTty(diffContext({ diff: diffCatalogs(oldCatalog, newCatalog), oldCatalog, newCatalog }, 'fr', false), { color: true });
    for (const pattern of IN_CLEAR) expect(text).not.toMatch(pattern);
    expect(text).toContain('\u001b[');
  });

  it('--reveal-identifiers shows them in clear', async () => {
    const texts = await diffOutputs('revealed', true);
    expect(texts.tty).toContain(`2 85 03 69 123 045 [-79-]{+78+}, NIR [-${NIR_OLD}-]{+${NIR_NEW}+}`);
    for (const format of ['json', 'markdown', 'xlsx']) expect(texts[format]).toContain(NIR_NEW);
  });
});

describe('catalog show masks identifiers', () => {
  it.each(['tty', 'json'])('%s', async (format) => {
    const masked = await runCatalogShow(oldFile, { format }, 'fr');
    for (const pattern of IN_CLEAR) expect(masked).not.toMatch(pattern);
    expect(masked).toContain('18503••••••45');
    const revealed = await runCatalogShow(oldFile, { format }, 'fr', { revealIdentifiers: true });
    expect(revealed).toContain(NIR_OLD);
    expect(revealed).toContain(INS_OLD);
  });

  it('profiles select requirements before masking', async () => {
    expect(JSON.parse(await runCatalogShow(oldFile, { format: 'json', profile: ['general'] }, 'fr')).requirements).toHaveLength(2);
  });
});
