// `segur catalog diff` on the fixture pair REM-DIFF-Va1 → REM-DIFF-Va2 (scripts/fixtures/rem-versions.ts
// lists the changes): the exact `segur-catalog-diff/1` JSON, the whole tty and Markdown outputs
// (file snapshots), the XLSX workbook, the bundle impact, and that the bundle is never written to.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir, treeSnapshot } from '../e2e/helpers.js';

const DIR = 'fixtures/rem-versions';
const OLD = `${DIR}/REM-DIFF-Va1.yaml`;
const NEW = `${DIR}/REM-DIFF-Va2.yaml`;
const BUNDLE = `${DIR}/bundle-va1`;
const work = tempDir('segur-diff-');
afterAll(() => removeDir(work));

const id = { by: 'id' } as const;
const text = { by: 'text' } as const;
type Item = Record<string, unknown>;
const same = (item: string): Item => ({ status: 'unchanged', old: item, new: item, match: id });
const renumbered = (old: string, next: string, match: Item = id): Item => ({ status: 'renumbered', old, new: next, match });
const added = (item: string): Item => ({ status: 'added', new: item });
const removed = (item: string): Item => ({ status: 'removed', old: item });
const kept = (requirement: string, fields: { status?: string; changes?: Item[]; scenarios?: Item[]; proofs?: Item[]; nature?: string } = {}) => ({
  status: fields.status ?? 'changed',
  old: requirement,
  new: requirement,
  match: id,
  nature: fields.nature ?? 'EXIGENCE',
  changes: fields.changes ?? [],
  scenarios: fields.scenarios ?? [same(`${requirement}.01`)],
  proofs: fields.proofs ?? [same(`${requirement}.01.01`)],
});
const words = (...segments: [string, string][]) => ({ field: 'statement', words: segments.map(([op, value]) => ({ op, text: value })) });
const scope = { field: 'scope', old: 'Vague 1', new: 'Vague 2' };

const EXPECTED_DIFF = {
  schema: 'segur-catalog-diff/1',
  tool: { name: 'segur', version: '0.1.0' },
  old: {
    id: 'REM-DIFF-Va1',
    title: 'REM fictif pour les tests de segur catalog diff, version Va1 (ce n’est pas un texte de l’ANS)',
    sha256: 'ee97c383ea32b7b74572b6b870d29f1e4bc16eaf8be588dc76c159817c0e419d',
  },
  new: {
    id: 'REM-DIFF-Va2',
    title: 'REM fictif pour les tests de segur catalog diff, version Va2 (ce n’est pas un texte de l’ANS)',
    sha256: 'b6e82064706b2a9cec156ab13a6fef12710c2e12f3815b1d6dcb863334359dcf',
  },
  similarityThreshold: 0.8,
  summary: {
    requirements: { added: 1, removed: 1, renamed: 2, changed: 8, unchanged: 1 },
    tightened: 2,
    loosened: 1,
    scenarios: { added: 1, removed: 1, renumbered: 3, changed: 0 },
    proofs: { added: 2, removed: 2, renumbered: 5, changed: 0 },
  },
  requirements: [
    kept('INS/va1.01', { status: 'unchanged', proofs: [same('INS/va1.01.01.01'), same('INS/va1.01.01.02')] }),
    kept('INS/va1.02', {
      changes: [words(['=', 'Le logiciel DOIT afficher '], ['+', 'en permanence '], ['=', "le statut de l'identité du patient dans son dossier "], ['+', 'et sur ses documents'], ['=', '.'])],
    }),
    {
      status: 'renamed',
      old: 'INS/va1.03',
      new: 'INS/va2.03',
      match: { by: 'previousId' },
      nature: 'EXIGENCE',
      changes: [{ field: 'function', old: "Transmission de l'INS", new: "Transmission de l'INS qualifiée" }, scope],
      scenarios: [renumbered('INS/va1.03.01', 'INS/va2.03.01')],
      proofs: [renumbered('INS/va1.03.01.01', 'INS/va2.03.01.01')],
    },
    {
      status: 'renamed',
      old: 'DMP/va1.01',
      new: 'DMP/va2.01',
      match: { by: 'similarity', similarity: 0.91 },
      nature: 'EXIGENCE',
      changes: [words(['=', 'Le logiciel DOIT permettre d’envoyer au DMP du patient un document conforme '], ['-', 'au volet'], ['+', 'aux volets'], ['=', ' du CI-SIS.']), scope],
      scenarios: [renumbered('DMP/va1.01.01', 'DMP/va2.01.01')],
      proofs: [renumbered('DMP/va1.01.01.01', 'DMP/va2.01.01.01'), renumbered('DMP/va1.01.01.02', 'DMP/va2.01.01.02')],
    },
    kept('DMP/va1.03', { scenarios: [same('DMP/va1.03.01'), removed('DMP/va1.03.02')], proofs: [same('DMP/va1.03.01.01'), removed('DMP/va1.03.02.01')] }),
    { status: 'added', new: 'DMP/va2.04', nature: 'EXIGENCE', changes: [], scenarios: [added('DMP/va2.04.01')], proofs: [added('DMP/va2.04.01.01')] },
    kept('ERGO/va1.05', {
      changes: [words(['=', 'Le logiciel '], ['-', 'PEUT'], ['+', 'DOIT'], ['=', ' afficher un aperçu du document avant son envoi.']), { field: 'nature', old: 'PRECONISATION', new: 'EXIGENCE', direction: 'tightened' }],
    }),
    kept('ERGO/va1.06', {
      nature: 'PRECONISATION',
      changes: [
        words(['=', 'Le logiciel '], ['-', 'DOIT'], ['+', 'PEUT'], ['=', ' permettre de rechercher un document par les mots de son titre.']),
        { field: 'nature', old: 'EXIGENCE', new: 'PRECONISATION', direction: 'loosened' },
      ],
      scenarios: [renumbered('ERGO/va1.06.01', 'ERGO/va1.06.02', text)],
      proofs: [renumbered('ERGO/va1.06.01.01', 'ERGO/va1.06.02.01', text)],
    }),
    kept('MSS/va1.01', { changes: [{ field: 'profiles', added: ['Centre de santé'], removed: [] }] }),
    kept('MSS/va1.02', { scenarios: [same('MSS/va1.02.01'), added('MSS/va1.02.02')], proofs: [same('MSS/va1.02.01.01'), added('MSS/va1.02.02.01')] }),
    kept('SC.SSI/IE.58', { changes: [{ field: 'conditional', old: true, new: false, direction: 'tightened' }] }),
    kept('LGC.MDV.07', {
      proofs: [same('LGC.MDV.07.01.01'), renumbered('LGC.MDV.07.01.02', 'LGC.MDV.07.01.04', text), added('LGC.MDV.07.01.05'), removed('LGC.MDV.07.01.03')],
    }),
    { status: 'removed', old: 'DMP/va1.02', nature: 'EXIGENCE', changes: [], scenarios: [removed('DMP/va1.02.01')], proofs: [removed('DMP/va1.02.01.01')] },
  ],
};

const file = (proof: string, name = 'capture.png') => `proofs/${proof.replaceAll('/', '_')}/${name}`;
const EXPECTED_IMPACT = {
  dir: BUNDLE,
  old: EXPECTED_DIFF.old,
  new: EXPECTED_DIFF.new,
  profiles: ['Général'],
  summary: { maps: 9, renamed: 5, orphaned: 3, new: 3 },
  requirements: [
    {
      change: 'unchanged',
      old: 'INS/va1.01',
      new: 'INS/va1.01',
      declared: 'conforme',
      proofs: [
        { status: 'maps', old: 'INS/va1.01.01.01', new: 'INS/va1.01.01.01', files: [file('INS/va1.01.01.01', 'appel-insi.png')] },
        { status: 'maps', old: 'INS/va1.01.01.02', new: 'INS/va1.01.01.02', files: [file('INS/va1.01.01.02', 'reponse-insi.png')] },
      ],
    },
    { change: 'changed', old: 'INS/va1.02', new: 'INS/va1.02', declared: 'conforme', proofs: [{ status: 'maps', old: 'INS/va1.02.01.01', new: 'INS/va1.02.01.01', files: [file('INS/va1.02.01.01')] }] },
    {
      change: 'renamed',
      old: 'INS/va1.03',
      new: 'INS/va2.03',
      declared: 'conforme',
      proofs: [{ status: 'renamed', old: 'INS/va1.03.01.01', new: 'INS/va2.03.01.01', files: [file('INS/va1.03.01.01', 'document-ins.png')] }],
    },
    {
      change: 'renamed',
      old: 'DMP/va1.01',
      new: 'DMP/va2.01',
      declared: 'conforme',
      proofs: [
        { status: 'renamed', old: 'DMP/va1.01.01.01', new: 'DMP/va2.01.01.01', files: [file('DMP/va1.01.01.01')] },
        { status: 'renamed', old: 'DMP/va1.01.01.02', new: 'DMP/va2.01.01.02', files: [file('DMP/va1.01.01.02')] },
      ],
    },
    {
      change: 'changed',
      old: 'DMP/va1.03',
      new: 'DMP/va1.03',
      declared: 'conforme',
      proofs: [
        { status: 'maps', old: 'DMP/va1.03.01.01', new: 'DMP/va1.03.01.01', files: [file('DMP/va1.03.01.01')] },
        { status: 'orphaned', old: 'DMP/va1.03.02.01', files: [file('DMP/va1.03.02.01')] },
      ],
    },
    { change: 'added', new: 'DMP/va2.04', proofs: [{ status: 'new', new: 'DMP/va2.04.01.01', files: [] }] },
    { change: 'changed', old: 'ERGO/va1.05', new: 'ERGO/va1.05', declared: 'conforme', proofs: [{ status: 'maps', old: 'ERGO/va1.05.01.01', new: 'ERGO/va1.05.01.01', files: [file('ERGO/va1.05.01.01')] }] },
    {
      change: 'changed',
      old: 'ERGO/va1.06',
      new: 'ERGO/va1.06',
      declared: 'conforme',
      proofs: [{ status: 'renamed', old: 'ERGO/va1.06.01.01', new: 'ERGO/va1.06.02.01', files: [file('ERGO/va1.06.01.01')] }],
    },
    { change: 'changed', old: 'MSS/va1.01', new: 'MSS/va1.01', declared: 'conforme', proofs: [{ status: 'maps', old: 'MSS/va1.01.01.01', new: 'MSS/va1.01.01.01', files: [file('MSS/va1.01.01.01')] }] },
    {
      change: 'changed',
      old: 'MSS/va1.02',
      new: 'MSS/va1.02',
      declared: 'conforme',
      proofs: [
        { status: 'maps', old: 'MSS/va1.02.01.01', new: 'MSS/va1.02.01.01', files: [file('MSS/va1.02.01.01')] },
        { status: 'new', new: 'MSS/va1.02.02.01', files: [] },
      ],
    },
    {
      change: 'changed',
      old: 'SC.SSI/IE.58',
      new: 'SC.SSI/IE.58',
      declared: 'conforme',
      proofs: [{ status: 'maps', old: 'SC.SSI/IE.58.01.01', new: 'SC.SSI/IE.58.01.01', files: [file('SC.SSI/IE.58.01.01', 'journal-acces.log')] }],
    },
    {
      change: 'changed',
      old: 'LGC.MDV.07',
      new: 'LGC.MDV.07',
      declared: 'conforme',
      proofs: [
        { status: 'maps', old: 'LGC.MDV.07.01.01', new: 'LGC.MDV.07.01.01', files: [file('LGC.MDV.07.01.01')] },
        { status: 'renamed', old: 'LGC.MDV.07.01.02', new: 'LGC.MDV.07.01.04', files: [file('LGC.MDV.07.01.02')] },
        { status: 'new', new: 'LGC.MDV.07.01.05', files: [] },
        { status: 'orphaned', old: 'LGC.MDV.07.01.03', files: [file('LGC.MDV.07.01.03', 'journal-exports.log')] },
      ],
    },
    { change: 'removed', old: 'DMP/va1.02', declared: 'conforme', proofs: [{ status: 'orphaned', old: 'DMP/va1.02.01.01', files: [file('DMP/va1.02.01.01')] }] },
  ],
};

describe('segur catalog diff on the fixture pair', () => {
  it('gives the exact segur-catalog-diff/1 JSON, the same from the catalogs and from the workbooks', () => {
    const run = runCli(['catalog', 'diff', OLD, NEW, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED_DIFF);
    const fromWorkbooks = runCli(['catalog', 'diff', `${DIR}/REM-DIFF-Va1.xlsx`, `${DIR}/REM-DIFF-Va2.xlsx`, '--format', 'json']);
    expect(fromWorkbooks.stdout).toBe(run.stdout);
  });

  it('adds the bundle impact with --bundle, and writes nothing in the bundle', () => {
    const before = treeSnapshot(BUNDLE);
    const run = runCli(['catalog', 'diff', OLD, NEW, '--bundle', BUNDLE, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ...EXPECTED_DIFF, bundle: EXPECTED_IMPACT });
    expect(treeSnapshot(BUNDLE)).toEqual(before);
  });

  it('reads as text on the terminal and in Markdown (whole outputs)', async () => {
    const tty = runCli(['catalog', 'diff', OLD, NEW, '--bundle', BUNDLE]);
    expect(tty.status).toBe(0);
    await expect(tty.stdout).toMatchFileSnapshot('__snapshots__/catalog-diff.tty.txt');
    const markdown = runCli(['catalog', 'diff', OLD, NEW, '--bundle', BUNDLE, '--format', 'markdown']);
    await expect(markdown.stdout).toMatchFileSnapshot('__snapshots__/catalog-diff.md');
    const english = runCli(['--lang', 'en', 'catalog', 'diff', OLD, NEW]);
    expect(english.stdout).toContain('~ DMP/va1.01 → DMP/va2.01 — Envoi d\'un document au DMP (EXIGENCE, matched by similarity 0.91)\n');
    // English puts no space before a colon (French typography does).
    expect(english.stdout).toMatch(/^ {2}Old REM: \S/m);
    expect(english.stdout).toMatch(/^ {2}New REM: \S/m);
    expect(english.stdout).not.toContain(' : ');
  });

  it('colours word diffs only when asked (a pipe is plain; FORCE_COLOR or --color colours)', () => {
    const plain = runCli(['catalog', 'diff', OLD, NEW]);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('[-PEUT-]{+DOIT+}');
    const forced = runCli(['catalog', 'diff', OLD, NEW], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    expect(runCli(['--color', 'catalog', 'diff', OLD, NEW]).stdout).toContain('\u001b[');
    expect(runCli(['--no-color', 'catalog', 'diff', OLD, NEW], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('writes an XLSX workbook (byte-identical across runs) beside a JSON file', async () => {
    const out = join(work, 'xlsx');
    mkdirSync(out);
    const args = ['catalog', 'diff', OLD, NEW, '--bundle', BUNDLE, '--format', `xlsx:${out}/diff.xlsx`, '--format', `json:${out}/diff.json`];
    expect(runCli(args).status).toBe(0);
    const first = readFileSync(join(out, 'diff.xlsx'));
    expect(runCli(args).status).toBe(0);
    expect(readFileSync(join(out, 'diff.xlsx')).equals(first)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')).bundle).toEqual(EXPECTED_IMPACT);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Exigences', 'Scénarios et preuves', 'Dossier']);
    const requirements = workbook.getWorksheet('Exigences')!;
    expect(requirements.rowCount).toBe(14);
    expect(requirements.getRow(4).values).toEqual(expect.arrayContaining(['renommée', 'INS/va1.03', 'INS/va2.03', 'colonne VA N-1']));
    const statement = requirements.getRow(3).getCell(8).value as ExcelJS.CellRichTextValue;
    expect(statement.richText.map((run) => [run.text, run.font?.underline ?? false])).toEqual([
      ['Le logiciel DOIT afficher ', false],
      ['en permanence ', true],
      ["le statut de l'identité du patient dans son dossier ", false],
      ['et sur ses documents', true],
      ['.', false],
    ]);
    expect(workbook.getWorksheet('Dossier')!.rowCount).toBe(21);
  });

  it('refuses a bad format, a binary format on standard output and an output inside the bundle (exit 2)', () => {
    const unknown = runCli(['catalog', 'diff', OLD, NEW, '--format', 'sarif']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('segur : Format « sarif » inconnu pour catalog diff. Formats disponibles : tty, json, markdown, xlsx.\n');
    expect(runCli(['catalog', 'diff', OLD, NEW, '--format', 'xlsx']).status).toBe(2);
    const before = treeSnapshot(BUNDLE);
    const inside = runCli(['catalog', 'diff', OLD, NEW, '--bundle', BUNDLE, '--format', `json:${BUNDLE}/diff.json`]);
    expect(inside.status).toBe(2);
    expect(treeSnapshot(BUNDLE)).toEqual(before);
  });
});

describe('segur check --since', () => {
  it('puts the same bundle impact in the report, without changing the verdicts', () => {
    const plain = runCli(['check', BUNDLE, '--rem', NEW, '--format', 'json']);
    const since = runCli(['check', BUNDLE, '--rem', NEW, '--since', OLD, '--format', 'json']);
    expect(since.status).toBe(plain.status);
    const { since: impact, ...report } = JSON.parse(since.stdout);
    expect(report).toEqual(JSON.parse(plain.stdout));
    expect(impact).toEqual(EXPECTED_IMPACT);
  });

  it('shows the impact in the terminal and Markdown reports', () => {
    const tty = runCli(['check', BUNDLE, '--rem', NEW, '--since', OLD]);
    expect(tty.stdout).toContain('Depuis REM-DIFF-Va1 : effet du changement de REM sur les preuves du dossier\nPreuves : 9 au même numéro, 5 renumérotée(s), 3 sans équivalent, 3 nouvelle(s).\n');
    expect(tty.stdout).toContain('      ↪ LGC.MDV.07.01.02 → LGC.MDV.07.01.04 : 1 fichier(s) à reprendre sous le nouveau numéro\n');
    const markdown = runCli(['check', BUNDLE, '--rem', NEW, '--since', OLD, '--format', 'markdown']);
    expect(markdown.stdout).toContain('### Depuis REM-DIFF-Va1 : effet du changement de REM sur les preuves du dossier\n');
  });
});
