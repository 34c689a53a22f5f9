// `segur batch` end to end: the acceptance tree of fixtures/batch/depots (nested bundles, a .zip
// deposit, a folder without manifest, a broken manifest) gives the exact batch.json, workbook sheets
// and exit 1; options are checked before any bundle runs; --out is owned (stale reports removed,
// nothing else); a bundle that exhausts its memory is an error row and the batch still completes.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir, treeSnapshot } from '../e2e/helpers.js';

interface BatchJson {
  schema: string;
  verdict: string;
  bundles: { name: string; status: string; reports: string[]; error?: { code: string; message: string } }[];
  matrix: { bundles: string[]; rows: { requirement: string; verdicts: (string | null)[] }[] };
}

const TREE = 'fixtures/batch/depots';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function scratch(): string {
  const root = tempDir('segur-batch-');
  dirs.push(root);
  return root;
}

function batchDir(...bundles: string[]): { root: string; input: string; out: string } {
  const root = scratch();
  const input = join(root, 'depots');
  mkdirSync(input);
  for (const bundle of bundles) copyFixtureBundle(bundle, input);
  return { root, input, out: join(root, 'rapports') };
}

function readBatch(out: string): BatchJson {
  return JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8')) as BatchJson;
}

/** Every sheet as rows of cell values (hyperlink cells as `text → link`). */
async function readSheets(file: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.from((row.values as unknown[]).slice(1), (value) =>
        value && typeof value === 'object' && 'hyperlink' in value ? `${(value as { text: string }).text} → ${(value as { hyperlink: string }).hyperlink}` : (value ?? null),
      );
      rows.push(values.map((value) => (value === '' || value === undefined ? null : value)));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

const SUMMARY_OK = { requirements: 6, conforme: 5, 'non-conforme': 0, incomplet: 0, 'non-applicable': 1, errors: 0, warnings: 0 };

describe('segur batch on the acceptance tree', () => {
  it('lists nested bundles, the .zip deposit, the folder without manifest and the broken manifest; exit 1', async () => {
    const root = scratch();
    const out = join(root, 'rapports');
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    const run = runCli(['batch', TREE, '--out', out], { env: { TMPDIR: tmp } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const reports = (name: string) => [`${name}/report.json`, `${name}/report.html`];
    expect(JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8'))).toEqual({
      schema: 'segur-batch/1',
      tool: { name: 'segur', version: '0.1.0' },
      verdict: 'fail',
      bundles: [
        { name: 'editeurA/v1', status: 'pass', source: 'folder', editor: 'Éditeur Exemple', software: 'MonLGC', version: '5.2.0', catalog: 'REM-SAMPLE-LGC', profiles: ['Général'], summary: SUMMARY_OK, reports: reports('editeurA/v1') },
        {
          name: 'editeurA/v2',
          status: 'fail',
          source: 'folder',
          editor: 'Éditeur d’essai',
          software: 'LogicielEssai',
          version: '1.0.0',
          catalog: 'REM-SAMPLE-LGC',
          profiles: ['Général'],
          summary: { requirements: 6, conforme: 1, 'non-conforme': 1, incomplet: 1, 'non-applicable': 3, errors: 3, warnings: 0 },
          reports: reports('editeurA/v2'),
        },
        { name: 'editeurB/depot-editeurB.zip', status: 'pass', source: 'zip', editor: 'Éditeur Exemple', software: 'MonLGC', version: '5.2.0', catalog: 'REM-SAMPLE-LGC', profiles: ['Général'], summary: SUMMARY_OK, reports: reports('editeurB/depot-editeurB.zip') },
        {
          name: 'editeurC',
          status: 'error',
          source: 'other',
          reports: [],
          error: { code: 'batch/no-manifest', message: 'Pas de segur.yaml : 2 fichier(s) non contrôlé(s) (capture-ins.png, notes.txt). Ajoutez un segur.yaml (segur init) ou retirez ces fichiers du lot.' },
        },
        {
          name: 'editeurD',
          status: 'error',
          source: 'folder',
          reports: [],
          error: {
            code: 'manifest/yaml-syntax',
            message: expect.stringMatching(/^fixtures\/batch\/depots\/editeurD\/segur\.yaml, ligne 3, colonne 1 : YAML invalide/),
          },
        },
      ],
      matrix: {
        bundles: ['editeurA/v1', 'editeurA/v2', 'editeurB/depot-editeurB.zip', 'editeurC', 'editeurD'],
        rows: [
          ['INS/va1.01', 'EXIGENCE', 'conforme', 'conforme'],
          ['INS/va1.02', 'EXIGENCE', 'conforme', 'non-conforme'],
          ['DMP/va1.01', 'EXIGENCE', 'non-applicable', 'non-applicable'],
          ['MSS/va1.01', 'EXIGENCE', 'conforme', 'incomplet'],
          ['ERGO/va1.05', 'PRECONISATION', 'conforme', 'non-applicable'],
          ['SC.SSI/IE.58', 'EXIGENCE', 'conforme', 'non-applicable'],
        ].map(([requirement, nature, v1, v2]) => ({ catalog: 'REM-SAMPLE-LGC', requirement, nature, verdicts: [v1, v2, v1, null, null] })),
      },
    });

    // Each bundle's JSON and HTML name its folder; the zip's temporary folder is gone.
    const zipReport = JSON.parse(readFileSync(join(out, 'editeurB/depot-editeurB.zip/report.json'), 'utf8'));
    expect(zipReport.bundle.folder).toBe('editeurB/depot-editeurB.zip');
    expect(readFileSync(join(out, 'editeurA/v2/report.html'), 'utf8')).toContain('<dt>Dossier</dt><dd>editeurA/v2</dd>');
    expect(readdirSync(tmp)).toEqual([]);
    expect(run.stdout).toContain('3 dossiers contrôlés, 1 en échec');
    expect(run.stdout).toContain('2 dossiers n’ont pas pu être contrôlés (« impossible ») : la raison est donnée sur sa ligne ci-dessus.');

    const sheets = await readSheets(join(out, 'batch.xlsx'));
    expect(Object.keys(sheets)).toEqual(['Dossiers', 'Matrice', 'Constats']);
    const counts = (c: number, nc: number, i: number, na: number, e: number, w: number) => [c, nc, i, na, e, w];
    expect(sheets.Dossiers).toEqual([
      ['Dossier', 'Dépôt', 'Éditeur', 'Logiciel', 'Version', 'Catalogue', 'Résultat', 'Conforme', 'Non conforme', 'Incomplet', 'Non applicable', 'erreur', 'avertissement', 'Rapport', 'Motif'],
      ['editeurA/v1', 'dossier', 'Éditeur Exemple', 'MonLGC', '5.2.0', 'REM-SAMPLE-LGC', 'réussi', ...counts(5, 0, 0, 1, 0, 0), 'editeurA/v1/report.html → editeurA/v1/report.html', null],
      ['editeurA/v2', 'dossier', 'Éditeur d’essai', 'LogicielEssai', '1.0.0', 'REM-SAMPLE-LGC', 'échoué', ...counts(1, 1, 1, 3, 3, 0), 'editeurA/v2/report.html → editeurA/v2/report.html', null],
      ['editeurB/depot-editeurB.zip', 'zip', 'Éditeur Exemple', 'MonLGC', '5.2.0', 'REM-SAMPLE-LGC', 'réussi', ...counts(5, 0, 0, 1, 0, 0), 'editeurB/depot-editeurB.zip/report.html → editeurB/depot-editeurB.zip/report.html', null],
      ['editeurC', '—', null, null, null, null, 'impossible', null, null, null, null, null, null, null, expect.stringMatching(/^Pas de segur\.yaml/)],
      ['editeurD', 'dossier', null, null, null, null, 'impossible', null, null, null, null, null, null, null, expect.stringMatching(/^fixtures\/batch\/depots\/editeurD\/segur\.yaml/)],
    ]);
    const bundles = ['editeurA/v1', 'editeurA/v2', 'editeurB/depot-editeurB.zip', 'editeurC', 'editeurD'];
    expect(sheets.Matrice![0]).toEqual(['Catalogue', 'Exigence', 'Nature', ...bundles, 'Total Conforme', 'Total Non conforme', 'Total Incomplet', 'Total Non applicable']);
    expect(sheets.Matrice!.slice(1)).toEqual([
      ['REM-SAMPLE-LGC', 'INS/va1.01', 'EXIGENCE', 'Conforme', 'Conforme', 'Conforme', 'impossible', 'impossible', 3, 0, 0, 0],
      ['REM-SAMPLE-LGC', 'INS/va1.02', 'EXIGENCE', 'Conforme', 'Non conforme', 'Conforme', 'impossible', 'impossible', 2, 1, 0, 0],
      ['REM-SAMPLE-LGC', 'DMP/va1.01', 'EXIGENCE', 'Non applicable', 'Non applicable', 'Non applicable', 'impossible', 'impossible', 0, 0, 0, 3],
      ['REM-SAMPLE-LGC', 'MSS/va1.01', 'EXIGENCE', 'Conforme', 'Incomplet', 'Conforme', 'impossible', 'impossible', 2, 0, 1, 0],
      ['REM-SAMPLE-LGC', 'ERGO/va1.05', 'PRECONISATION', 'Conforme', 'Non applicable', 'Conforme', 'impossible', 'impossible', 2, 0, 0, 1],
      ['REM-SAMPLE-LGC', 'SC.SSI/IE.58', 'EXIGENCE', 'Conforme', 'Non applicable', 'Conforme', 'impossible', 'impossible', 2, 0, 0, 1],
    ]);
    const v2 = JSON.parse(readFileSync(join(out, 'editeurA/v2/report.json'), 'utf8')) as { findings: { rule: string; message: string }[] };
    const message = (rule: string) => v2.findings.find((finding) => finding.rule === rule)!.message;
    expect(sheets.Constats).toEqual([
      ['Dossier', 'Exigence', 'N° preuve', 'Fichier', 'Gravité', 'Code', 'Message', 'Emplacement'],
      ['editeurA/v2', 'INS/va1.02', 'INS/va1.02.01.01', 'proofs/INS_va1.02.01.01/document.xml:19', 'erreur', 'ins/key', message('ins/key'), '/ClinicalDocument/recordTarget/patientRole/id[1]'],
      ['editeurA/v2', 'MSS/va1.01', 'MSS/va1.01.01.01', null, 'erreur', 'coverage/missing-proof', message('coverage/missing-proof'), null],
      ['editeurA/v2', 'MSS/va1.01', null, 'segur.yaml:30', 'erreur', 'status/in-progress', message('status/in-progress'), null],
      ['editeurC', null, null, null, 'erreur', 'batch/no-manifest', expect.stringMatching(/^Pas de segur\.yaml/), null],
      ['editeurD', null, null, null, 'erreur', 'manifest/yaml-syntax', expect.stringMatching(/YAML invalide/), null],
    ]);
    expect(message('ins/key')).toContain('28503••••••••78');

    // The reviewer's page links every checked bundle's report; the screenshot has its thumbnails.
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const name of ['editeurA/v1', 'editeurA/v2', 'editeurB/depot-editeurB.zip']) expect(index).toContain(`<a href="${name}/report.html">${name}</a>`);
    const thumbnails = readdirSync(join(out, 'editeurA/v1/apercus')).sort();
    expect(thumbnails).toHaveLength(2);
    expect(thumbnails.every((name) => /^[0-9a-f]{64}-(apercu|vignette)\.webp$/.test(name))).toBe(true);
    const v1Html = readFileSync(join(out, 'editeurA/v1/report.html'), 'utf8');
    expect(v1Html).toMatch(/<a class="preview" href="apercus\/[0-9a-f]{64}-apercu\.webp"><img src="apercus\/[0-9a-f]{64}-vignette\.webp" alt="Aperçu de proofs\/INS_va1\.02\.02\.01\/statut-identite\.png" width="320" height="200"/);
    expect(v1Html).toContain('<a class="open" href="../../../../fixtures/batch/depots/editeurA/v1/proofs/ERGO_va1.05.01.01/apercu.mp4">ouvrir</a>'.replace('../../../../fixtures', relativeToProject(out)));
    expect(v1Html).toContain('<dt>Patient (INS)</dt><dd>28503••••••••79</dd>');
  });

  it('is byte-identical from one run to the next, and never writes into the deposits', () => {
    const root = scratch();
    const before = treeSnapshot(TREE);
    runCli(['batch', TREE, '--out', join(root, 'a'), '--format', 'json', '--format', 'html', '--format', 'csv']);
    runCli(['batch', TREE, '--out', join(root, 'b'), '--format', 'json', '--format', 'html', '--format', 'csv']);
    for (const file of ['batch.json', 'batch.xlsx', 'index.html', 'matrix.csv', 'batch.md', 'editeurA/v1/report.html', 'editeurB/depot-editeurB.zip/report.json', 'editeurA/v2/report.csv']) {
      expect(readFileSync(join(root, 'b', file)), file).toEqual(readFileSync(join(root, 'a', file)));
    }
    expect(treeSnapshot(TREE)).toEqual(before);
  });
});

/** `../../../../<project>` from `<out>/editeurA/v1/` to the project root, as the HTML link writes it. */
function relativeToProject(out: string): string {
  const depth = join(out, 'editeurA/v1').split('/').filter(Boolean).length;
  const project = process.cwd().split('/').filter(Boolean);
  return [...Array.from({ length: depth }, () => '..'), ...project, 'fixtures'].join('/');
}

describe('segur batch', () => {
  it('exits 1 when one bundle fails, and lists its verdicts in the matrix', () => {
    const { input, out } = batchDir('sample-ok', 'cda-wrong-ins-key');
    const run = runCli(['batch', input, '--out', out, '--format', 'json', '--format', 'junit']);
    expect(run.status).toBe(1);
    const batch = readBatch(out);
    expect(batch.verdict).toBe('fail');
    expect(batch.matrix.bundles).toEqual(['cda-wrong-ins-key', 'sample-ok']);
    expect(batch.matrix.rows[1]!.verdicts).toEqual(['non-conforme', 'conforme']);
    expect(existsSync(join(out, 'cda-wrong-ins-key/report.junit.xml'))).toBe(true);
    expect(readFileSync(join(out, 'matrix.csv'), 'utf8').split('\r\n')[2]).toBe('REM-SAMPLE-LGC;INS/va1.02;EXIGENCE;Non conforme;Conforme');
    expect(run.stdout).toContain('2 dossiers contrôlés, 1 en échec');
  });

  it('checks a bundle deposited inside another bundle too, instead of passing the batch without it', () => {
    const { input, out } = batchDir('sample-ok');
    copyFixtureBundle('cda-wrong-ins-key', join(input, 'sample-ok'));
    copyFixtureBundle('missing-proof', join(input, 'sample-ok/proofs'));
    const run = runCli(['batch', input, '--out', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(readBatch(out).bundles.map((line) => [line.name, line.status])).toEqual([
      ['sample-ok', 'pass'],
      ['sample-ok/cda-wrong-ins-key', 'fail'],
      ['sample-ok/proofs/missing-proof', 'fail'],
    ]);
  });

  it('--csv-separator reaches every CSV of the batch (per-bundle report.csv and matrix.csv); --resume re-renders them when it changes', () => {
    const { input, out } = batchDir('sample-ok', 'cda-wrong-ins-key');
    const firstLines = () => [readFileSync(join(out, 'matrix.csv'), 'utf8').split('\r\n')[2], readFileSync(join(out, 'cda-wrong-ins-key/report.csv'), 'utf8').split('\r\n')[0]!.slice(0, 31)];
    expect(runCli(['batch', input, '--out', out, '--format', 'csv', '--csv-separator', ',']).status).toBe(1);
    expect(firstLines()).toEqual(['REM-SAMPLE-LGC,INS/va1.02,EXIGENCE,Non conforme,Conforme', '\uFEFFPérimètre,ID,Chapitre,Fonction']);
    expect(runCli(['batch', input, '--out', out, '--format', 'csv', '--csv-separator', 'tab', '--resume']).status).toBe(1);
    expect(firstLines()).toEqual(['REM-SAMPLE-LGC\tINS/va1.02\tEXIGENCE\tNon conforme\tConforme', '\uFEFFPérimètre\tID\tChapitre\tFonction']);
    // In English, the comma by default; a configuration-free run in French, the semicolon.
    expect(runCli(['--lang', 'en', 'batch', input, '--out', out, '--format', 'csv']).status).toBe(1);
    expect(firstLines()).toEqual(['REM-SAMPLE-LGC,INS/va1.02,EXIGENCE,Non-compliant,Compliant', '\uFEFFScope,ID,Chapter,Function,Requ']);
    expect(runCli(['batch', input, '--out', out, '--format', 'csv', '--resume']).status).toBe(1);
    expect(firstLines()).toEqual(['REM-SAMPLE-LGC;INS/va1.02;EXIGENCE;Non conforme;Conforme', '\uFEFFPérimètre;ID;Chapitre;Fonction']);
    expect(runCli(['batch', input, '--out', out, '--csv-separator', '|']).status).toBe(2);
  });

  it('exits 0 when every bundle passes', () => {
    const { input, out } = batchDir('sample-ok', 'preconisation-missing');
    const run = runCli(['batch', input, '--out', out]);
    expect(run.status).toBe(0);
    expect(readBatch(out).bundles.map((line) => [line.name, line.status])).toEqual([
      ['preconisation-missing', 'pass'],
      ['sample-ok', 'pass'],
    ]);
  });

  it('does not take an earlier batch’s reports, written inside the batch folder, for deposits', () => {
    const { input } = batchDir('sample-ok', 'preconisation-missing');
    expect(runCli(['batch', input, '--out', join(input, 'rapports')]).status).toBe(0);
    const { root } = batchDir();
    const second = runCli(['batch', input, '--out', join(root, 'rapports2')]);
    expect(second.status).toBe(0);
    expect(readBatch(join(root, 'rapports2')).bundles.map((line) => [line.name, line.status])).toEqual([
      ['preconisation-missing', 'pass'],
      ['sample-ok', 'pass'],
    ]);
  });

  it.each([
    [['--jobs', '0'], '--jobs « 0 » : indiquez un nombre entier de 1 à 999.'],
    [['--format', 'pdf'], 'Format « pdf » inconnu pour --format'],
    [['--bundle-memory', 'beaucoup'], '--bundle-memory « beaucoup » : indiquez un nombre entier de mégaoctets'],
    [['--rem', 'REM-INCONNU'], 'REM-INCONNU'],
    [['--rem', 'REM-SAMPLE-LGC', '--profile', 'Nope'], 'Nope'],
    [['--profile', 'Nope'], 'Profil « Nope » absent de tous les catalogues des dossiers (REM-SAMPLE-LGC) ; profils disponibles : '],
  ])('exits 2 on bad options %j, before any bundle runs', (flags, message) => {
    const { input, out } = batchDir('sample-ok', 'missing-proof');
    const run = runCli(['batch', input, '--out', out, ...flags]);
    expect(run.status, run.stdout).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.split('\n')).toHaveLength(2); // one paragraph, no per-bundle rows
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with a hint when given one bundle instead of the folder holding bundles', () => {
    const { input, out } = batchDir('sample-ok');
    const run = runCli(['batch', join(input, 'sample-ok'), '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`lancez « segur check ${join(input, 'sample-ok')} »`);
  });

  it('exits 2 when the folder holds no bundle, or --out is a file or lies inside a bundle', () => {
    const { input, out, root } = batchDir();
    expect(runCli(['batch', input, '--out', out]).stderr).toBe(
      `segur : Aucun dossier de preuves dans ${input} : segur batch attend des dossiers de preuves (chacun avec son segur.yaml, à toute profondeur) ou des dépôts .zip.\n`,
    );
    copyFixtureBundle('sample-ok', input);
    writeFileSync(join(root, 'fichier'), '');
    const asFile = runCli(['batch', input, '--out', join(root, 'fichier')]);
    expect([asFile.status, asFile.stderr]).toEqual([2, `segur : --out ${join(root, 'fichier')} : ${join(root, 'fichier')} existe et n’est pas un dossier.\n`]);
    const inside = runCli(['batch', input, '--out', join(input, 'sample-ok/rapports')]);
    expect(inside.status).toBe(2);
    expect(existsSync(join(input, 'sample-ok/rapports'))).toBe(false);
    // A folder that can never be made (a recursive mkdir spins forever under /proc): exit 2 at once.
    const proc = runCli(['batch', input, '--out', '/proc/segur/rapports']);
    expect([proc.status, proc.stderr.split(' : ')[0]]).toEqual([2, 'segur']);
    expect(proc.stderr).toContain('/proc/segur');
  });

  it('exits 2, saying why, when --out is the batch folder itself or holds it (nothing left to check)', () => {
    const { input, root } = batchDir('sample-ok');
    for (const out of [input, root]) {
      const run = runCli(['batch', input, '--out', out]);
      expect([run.status, run.stderr]).toEqual([
        2,
        `segur : --out ${out} contient le dossier du lot ${input} : les rapports ne peuvent pas être écrits parmi les dépôts. Choisissez un dossier de sortie à côté du lot (par exemple ${join(root, 'rapports')}).\n`,
      ]);
      expect(readdirSync(out).includes('batch.json')).toBe(false);
    }
  });

  it('owns --out: removes the stale reports it wrote, keeps every other file', () => {
    const { input, out } = batchDir('sample-ok', 'missing-proof');
    expect(runCli(['batch', input, '--out', out, '--format', 'json', '--format', 'junit']).status).toBe(1);
    writeFileSync(join(out, 'notes-relecteur.txt'), 'à garder');
    writeFileSync(join(out, 'missing-proof/annotations.txt'), 'à garder');
    appendFileSync(join(out, 'sample-ok/report.junit.xml'), '<!-- annoté à la main -->');
    removeDir(join(input, 'missing-proof'));
    expect(runCli(['batch', input, '--out', out, '--format', 'json']).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.segur-batch', 'batch.json', 'batch.md', 'batch.xlsx', 'index.html', 'matrix.csv', 'missing-proof', 'notes-relecteur.txt', 'sample-ok']);
    expect(readdirSync(join(out, 'missing-proof'))).toEqual(['annotations.txt']); // its reports went, the reviewer's note stayed
    expect(readdirSync(join(out, 'sample-ok')).sort()).toEqual(['report.json', 'report.junit.xml']); // edited since: not ours any more
    expect(readBatch(out).bundles.map((line) => line.name)).toEqual(['sample-ok']);
  });

  it('turns a bundle that exhausts its memory budget into an error row and still writes every output', () => {
    const { input, out } = batchDir('sample-ok');
    copyFixtureBundle('sample-ok', input);
    const big = join(input, 'gros');
    copyFixtureBundle('sample-ok', big);
    const manifest = join(big, 'sample-ok/segur.yaml');
    const filler = Array.from({ length: 15_000 }, (_, index) => `  X/${String(index).padStart(6, '0')}:\n    status: conforme\n    justification: "${'x'.repeat(40)}"\n`).join('');
    appendFileSync(manifest, filler);
    const run = runCli(['batch', input, '--out', out, '--bundle-memory', '32']);
    expect(run.status).toBe(1);
    const batch = readBatch(out);
    expect(batch.bundles.map((line) => [line.name, line.status, line.error?.code])).toEqual([
      ['gros/sample-ok', 'error', 'batch/worker-out-of-memory'],
      ['sample-ok', 'pass', undefined],
    ]);
    expect(batch.bundles[0]!.error!.message).toBe(
      'Contrôle interrompu : ce dossier a épuisé la mémoire allouée à son contrôle (32 Mo). Les autres dossiers ont été contrôlés ; examinez celui-ci seul (segur check) ou augmentez --bundle-memory.',
    );
    for (const file of ['batch.xlsx', 'index.html', 'matrix.csv', 'sample-ok/report.html']) expect(existsSync(join(out, file)), file).toBe(true);
  });
});
