// All formats from one `segur check` run on the fixture bundles, through the built CLI; a second run
// must give byte-identical files. Then `segur checklist` on a bundle with a missing proof.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/model.js';

const FILES = {
  json: 'segur.json',
  junit: 'segur-junit.xml',
  sarif: 'segur.sarif',
  github: 'annotations.txt',
  markdown: 'segur.md',
  html: 'segur.html',
  xlsx: 'segur.xlsx',
  csv: 'segur.csv',
} as const;

const work = mkdtempSync(join(tmpdir(), 'segur-formats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function checkAllFormats(bundle: string, outDir: string) {
  const formats = Object.entries(FILES).flatMap(([format, file]) => ['--format', `${format}:${join(outDir, file)}`]);
  const run = runCli(['check', `fixtures/bundles/${bundle}`, ...formats], { env: { SOURCE_DATE_EPOCH: '' } });
  const read = (format: keyof typeof FILES): string => readFileSync(join(outDir, FILES[format]), 'utf8');
  return { run, read, report: JSON.parse(read('json')) as Report };
}

function htmlCounts(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/data-count="([^"]+)">(\d+)</g)].map((match) => [match[1]!, Number(match[2])]));
}

describe.each([
  { bundle: 'sample-ok', status: 0 },
  { bundle: 'missing-proof', status: 1 },
])('every format in one run on $bundle', ({ bundle, status }) => {
  const first = join(work, `${bundle}-1`);
  const second = join(work, `${bundle}-2`);

  it(`writes all eight reports and exits ${status}`, async () => {
    for (const dir of [first, second]) mkdirSync(dir, { recursive: true });
    const { run, read, report } = checkAllFormats(bundle, first);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(status);
    for (const file of Object.values(FILES)) expect(existsSync(join(first, file)), file).toBe(true);

    // The same counts everywhere.
    const { summary } = report;
    expect(htmlCounts(read('html'))).toEqual({
      conforme: summary.conforme,
      'non-conforme': summary['non-conforme'],
      incomplet: summary.incomplet,
      'non-applicable': summary['non-applicable'],
      requirements: summary.requirements,
    });
    const junit = read('junit');
    // Findings outside any requirement (here the CI-SIS "not run" note) make one more testcase.
    const general = report.findings.some((finding: { requirement?: string }) => finding.requirement === undefined) ? 1 : 0;
    expect(junit).toContain(
      `<testsuites name="segur" tests="${summary.requirements + general}" failures="${summary['non-conforme'] + summary.incomplet}" errors="0" skipped="${summary['non-applicable']}">`,
    );
    const sarif = JSON.parse(read('sarif'));
    expect(sarif.runs[0].results).toHaveLength(report.findings.length);
    // Locations from the repository root (the working folder): the bundle path as given, then the file.
    for (const result of sarif.runs[0].results) {
      expect(result.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: expect.stringMatching(new RegExp(`^fixtures/bundles/${bundle}/`)), uriBaseId: '%SRCROOT%' });
    }
    expect(sarif.runs[0].originalUriBaseIds).toBeUndefined();
    const csvRecords = read('csv').split('\r\n').filter((line) => /^Vague 1;/.test(line));
    expect(csvRecords).toHaveLength(9); // expected proofs of the 6 requirements of profile Général
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(first, FILES.xlsx)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Checklist')!.rowCount).toBe(10);
    expect(read('markdown')).toMatch(status === 0 ? /^## Rapport de conformité Ségur — ✅ Contrôle réussi\n/ : /^## Rapport de conformité Ségur — ❌ Contrôle échoué\n/);

    // A second run gives the same bytes, for every format.
    const again = checkAllFormats(bundle, second);
    expect(again.run.status).toBe(status);
    for (const file of Object.values(FILES)) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), `${file} identical`).toBe(true);
    }
  });
});

describe('failing bundle details across formats', () => {
  it('names the missing proof in JUnit, SARIF, GitHub, Markdown and CSV', async () => {
    const dir = join(work, 'missing-details');
    mkdirSync(dir, { recursive: true });
    const { read } = checkAllFormats('missing-proof', dir);
    expect(read('junit')).toMatch(/<testcase classname="Gestion de l&#39;INS" name="INS\/va1.02 — Qualification de l&#39;identité">\n\s+<failure type="incomplet" message="Incomplet \(Exigence\) : 1 constat">/);
    const result = JSON.parse(read('sarif')).runs[0].results.find((entry: { ruleId: string }) => entry.ruleId === 'coverage/missing-proof');
    expect(result.level).toBe('error');
    expect(result.properties).toMatchObject({ requirement: 'INS/va1.02', proof: 'INS/va1.02.02.01' });
    expect(read('github')).toMatch(/^::error [^\n]*title=INS\/va1.02 · coverage\/missing-proof::/m);
    expect(read('markdown')).toContain('<summary><strong>INS/va1.02 — Incomplet — Qualification de l&#39;identité</strong> (Exigence)</summary>');
    expect(read('csv')).toMatch(/;INS\/va1.02.02.01;Capture d'écran du statut d'identité;;;;manquante;Incomplet;/);
  });
});

describe('segur checklist', () => {
  it('writes the Markdown list, with the missing proof unticked, and exits 0', () => {
    const out = join(work, 'liste-dsr.md');
    const run = runCli(['checklist', 'fixtures/bundles/missing-proof', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`Liste DSR écrite dans ${out} : 7 preuves attendues, dont 1 manquante et 0 en erreur.\n`);
    const list = readFileSync(out, 'utf8');
    expect(list).toContain('7 preuves attendues : 6 fournies, 0 en erreur, 1 manquante ; en plus, 2 preuves non applicables (rien à déposer).');
    expect(list).toMatch(/^- \[ \] \*\*INS\/va1\.02\.02\.01\*\* Capture d'écran du statut d'identité — \*\*manquante\*\*$/m);
    expect(list).toMatch(/^- \[x\] \*\*INS\/va1\.01\.01\.01\*\* /m);
    expect(list).toMatch(/^- \*\*DMP\/va1\.01\.01\.01\*\* Document CDA envoyé au DMP — non applicable$/m);
  });

  it('writes xlsx and csv by extension', async () => {
    for (const name of ['liste.xlsx', 'liste.csv']) {
      const run = runCli(['checklist', 'fixtures/bundles/sample-ok', '--out', join(work, name)]);
      expect(run.status, run.stderr).toBe(0);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(work, 'liste.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Synthèse', 'Checklist']);
    expect(readFileSync(join(work, 'liste.csv'), 'utf8').startsWith('\uFEFFPérimètre;ID;')).toBe(true);
  });

  it('exits 2 on an unknown extension or an unwritable output, leaving no file', () => {
    const pdf = runCli(['checklist', 'fixtures/bundles/sample-ok', '--out', join(work, 'liste.pdf')]);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toBe(`segur : Format de liste inconnu pour ${join(work, 'liste.pdf')} : utilisez une extension .xlsx, .md ou .csv.\n`);
    expect(existsSync(join(work, 'liste.pdf'))).toBe(false);
    const missingDir = runCli(['checklist', 'fixtures/bundles/sample-ok', '--out', join(work, 'absent', 'liste.md')]);
    expect(missingDir.status).toBe(2);
    expect(missingDir.stderr).toMatch(/^segur : Impossible d’écrire le fichier de sortie .*absent\/liste\.md : fichier ou dossier introuvable \(ENOENT\)/);
  });

  it('never writes into the bundle: a list asked inside it exits 2 before the run', () => {
    const bundle = join(work, 'copie');
    cpSync(join(projectRoot, 'fixtures/bundles/sample-ok'), bundle, { recursive: true, verbatimSymlinks: true });
    const out = join(bundle, 'proofs', 'liste.md');
    const run = runCli(['checklist', bundle, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `segur : Le rapport ${out} serait écrit dans le dossier de preuves ${bundle}, qui n’est jamais modifié : choisissez un fichier hors de ce dossier.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('needs --out', () => {
    const run = runCli(['checklist', 'fixtures/bundles/sample-ok']);
    expect(run.status).toBe(2);
  });
});

describe('segur checklist with a scenario declared non-applicable', () => {
  it('lists its proofs as not applicable, not as missing', async () => {
    const bundle = join(work, 'scenario-na');
    cpSync('fixtures/bundles/sample-ok', bundle, { recursive: true });
    rmSync(join(bundle, 'proofs/INS_va1.02.02.01'), { recursive: true });
    const manifestFile = join(bundle, 'segur.yaml');
    const manifest = parse(readFileSync(manifestFile, 'utf8'));
    manifest.requirements['INS/va1.02'].scenarios = {
      'INS/va1.02.02': { status: 'non-applicable', justification: 'Le statut est affiché par un autre module, hors périmètre.' },
    };
    writeFileSync(manifestFile, stringify(manifest));
    expect(runCli(['check', bundle]).status).toBe(0);
    const out = join(work, 'scenario-na.md');
    expect(runCli(['checklist', bundle, '--out', out]).status).toBe(0);
    const list = readFileSync(out, 'utf8');
    expect(list).toMatch(/^- \*\*INS\/va1\.02\.02\.01\*\* Capture d'écran du statut d'identité — non applicable$/m);
    expect(list).toContain('6 preuves attendues : 6 fournies, 0 en erreur, 0 manquante ; en plus, 3 preuves non applicables (rien à déposer).');
  });
});
