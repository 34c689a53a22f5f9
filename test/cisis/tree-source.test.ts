// Where the TestContenuCDA tree comes from: `--cisis`, else `cisis:` in .segurrc.yaml (the run's
// own configuration, for validate and check), else the `cisis:` key of segur.yaml. The editor's own
// `segur check` honours the manifest's key, and the report says which tree was used; a reviewer's
// `segur batch` never does: a submitted folder could otherwise bring its own lenient "CI-SIS" rules
// (a schematron whose asserts always hold) and be judged by them — conforme, "règles exécutées".
// A small tree of our own stands for such rules here (no ANS material needed).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';
import { schema } from './helpers.js';

const root = tempDir('segur-cisis-manifest-');
afterAll(() => removeDir(root));

const cache = join(root, 'cache');
const env = { XDG_CACHE_HOME: cache };
const REM = join(process.cwd(), 'rem-catalogs/REM-SAMPLE-LGC.yaml');
const CDA = 'proofs/INS_va1.02.01.01/compte-rendu.xml';

/** sample-ok in `parent`, its CDA declaring the tree's only volet, `cisis: regles` in its manifest. */
function bundleWithOwnTree(parent: string): string {
  mkdirSync(parent, { recursive: true });
  const bundle = copyFixtureBundle('sample-ok', parent);
  const cda = readFileSync(join(bundle, CDA), 'utf8');
  writeFileSync(join(bundle, CDA), cda.replace('?>', '?><?oxygen SCHSchema="../schematrons/CI-SIS_TEST-VOLET_2024.01.sch"?>'));
  mkdirSync(join(bundle, 'regles/schematrons'), { recursive: true });
  writeFileSync(
    join(bundle, 'regles/schematrons/CI-SIS_TEST-VOLET_2024.01.sch'),
    schema('<pattern id="P"><rule context="cda:ClinicalDocument"><assert test="false()">Règle du dossier lui-même</assert></rule></pattern>'),
  );
  const manifest = readFileSync(join(bundle, 'segur.yaml'), 'utf8');
  writeFileSync(join(bundle, 'segur.yaml'), manifest.replace(/^profile: (.*)$/m, 'profile: $1\ncisis: regles'));
  return bundle;
}

describe('the manifest’s cisis: key', () => {
  it('segur check honours it, and says which tree the volet rules came from', () => {
    const bundle = bundleWithOwnTree(join(root, 'check'));
    const run = runCli(['check', bundle, '--rem', REM, '--format', 'json'], { env });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; severity: string; message: string }[]; requirements: { id: string; findings: { rule: string }[] }[] };
    expect(report.findings.filter((finding) => finding.rule.startsWith('cisis/') && !('requirement' in finding))).toEqual([
      expect.objectContaining({
        rule: 'cisis/tree-from-manifest',
        severity: 'info',
        message: 'Règles de contenu CI-SIS lues dans « regles » (clé cisis: de segur.yaml) : ce doit être une copie de TestContenuCDA de l’ANS ; --cisis DOSSIER impose la vôtre.',
      }),
    ]);
    expect(report.requirements.find((requirement) => requirement.id === 'INS/va1.02')!.findings.map((finding) => finding.rule)).toContain('cisis/TEST-VOLET_2024.01/P');
  });

  it('--cisis replaces it (and the note goes)', () => {
    const bundle = bundleWithOwnTree(join(root, 'forced'));
    const other = join(root, 'forced-tree');
    mkdirSync(join(other, 'schematrons'), { recursive: true });
    writeFileSync(join(other, 'schematrons/CI-SIS_TEST-VOLET_2024.01.sch'), schema('<pattern id="Q"><rule context="cda:ClinicalDocument"><assert test="true()">ok</assert></rule></pattern>'));
    const run = runCli(['check', bundle, '--rem', REM, '--cisis', other, '--format', 'json'], { env });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[] };
    expect(report.findings.filter((finding) => finding.rule.startsWith('cisis/') && !('requirement' in finding))).toEqual([]);
    expect(report.findings.filter((finding) => finding.rule.startsWith('cisis/TEST-VOLET'))).toEqual([]);
  });

  it('segur batch ignores it: a submitted folder never chooses the rules it is judged by', () => {
    const batch = join(root, 'batch');
    bundleWithOwnTree(join(batch, 'in'));
    const batchCache = join(root, 'batch-cache');
    const run = runCli(['batch', join(batch, 'in'), '--out', join(batch, 'out'), '--rem', REM, '--format', 'json'], { env: { XDG_CACHE_HOME: batchCache } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(batch, 'out/sample-ok/report.json'), 'utf8')) as { findings: { rule: string }[]; requirements: { id: string; findings: { rule: string }[] }[] };
    expect(report.findings.filter((finding) => finding.rule.startsWith('cisis/') && !('requirement' in finding)).map((finding) => finding.rule)).toEqual(['cisis/not-run']);
    expect(report.requirements.flatMap((requirement) => requirement.findings.map((finding) => finding.rule)).filter((rule) => rule.startsWith('cisis/'))).toEqual([]);
    // Nothing of the folder's tree was compiled.
    expect(existsSync(join(batchCache, 'segur/cisis')) ? readdirSync(join(batchCache, 'segur/cisis')) : []).toEqual([]);
  });
});

describe('cisis: in .segurrc.yaml', () => {
  it('names the tree for validate and check (relative to the file)', () => {
    const work = join(root, 'rc');
    const bundle = bundleWithOwnTree(work);
    writeFileSync(join(work, '.segurrc.yaml'), 'cisis: sample-ok/regles\n');
    const validate = runCli(['validate', '--format', 'json', join(bundle, CDA)], { cwd: work, env });
    expect(validate.status).toBe(1);
    const files = (JSON.parse(validate.stdout) as { files: { findings: { rule: string }[] }[]; notes?: unknown }).files;
    expect(files[0]!.findings.map((finding) => finding.rule).filter((rule) => rule.startsWith('cisis/'))).toEqual(['cisis/volet-declared', 'cisis/TEST-VOLET_2024.01/P']);
    // check: the run's configuration, not the manifest's choice (no note), even with the manifest's key gone.
    writeFileSync(join(bundle, 'segur.yaml'), readFileSync(join(bundle, 'segur.yaml'), 'utf8').replace('cisis: regles\n', ''));
    const check = runCli(['check', 'sample-ok', '--rem', REM, '--format', 'json'], { cwd: work, env });
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as { findings: { rule: string }[] };
    // The bundle's IHE_XDM.ZIP holds a CDA too: the tree has no volet for it (info).
    expect(report.findings.map((finding) => finding.rule).filter((rule) => rule.startsWith('cisis/'))).toEqual(['cisis/volet-declared', 'cisis/TEST-VOLET_2024.01/P', 'cisis/no-volet']);
    rmSync(join(work, '.segurrc.yaml'));
  });

  // A folder named by a cisis: key that cannot be read: the message names the file holding the key
  // (before: only the folder, and a user who copied the README's example did not know where it came from).
  it.each([
    ['.segurrc.yaml, for validate', 'rc-missing-validate', '.segurrc.yaml', (bundle: string) => ['validate', join(bundle, CDA)]],
    ['.segurrc.yaml, for check', 'rc-missing-check', '.segurrc.yaml', () => ['check', 'sample-ok', '--rem', REM]],
    ['segur.yaml, for check', 'manifest-missing', 'sample-ok/segur.yaml', () => ['check', 'sample-ok', '--rem', REM]],
  ])('a missing folder named by %s names that file (exit 2)', (_name, folder, keyFile, args) => {
    const work = join(root, folder);
    const bundle = bundleWithOwnTree(work);
    if (keyFile === '.segurrc.yaml') writeFileSync(join(work, '.segurrc.yaml'), 'cisis: absent\n');
    else writeFileSync(join(bundle, 'segur.yaml'), readFileSync(join(bundle, 'segur.yaml'), 'utf8').replace('cisis: regles\n', 'cisis: absent\n'));
    const run = runCli(args(bundle), { cwd: work, env });
    expect(run.status).toBe(2);
    const dir = keyFile === '.segurrc.yaml' ? join(work, 'absent') : join(bundle, 'absent');
    const named = keyFile === '.segurrc.yaml' ? '.segurrc.yaml' : 'sample-ok/segur.yaml';
    expect(run.stderr).toBe(`segur : Impossible de lire le dossier TestContenuCDA ${dir}, nommé par la clé cisis: de ${named} : fichier ou dossier introuvable (ENOENT). Corrigez ce chemin (relatif au fichier) ou retirez la ligne cisis:.\n`);
  });

  it('is refused under the segur: key of segur.yaml, whose own cisis: key says it (exit 2)', () => {
    const bundle = bundleWithOwnTree(join(root, 'segur-key'));
    writeFileSync(join(bundle, 'segur.yaml'), `${readFileSync(join(bundle, 'segur.yaml'), 'utf8')}segur:\n  cisis: regles\n`);
    const run = runCli(['check', bundle, '--rem', REM], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('clé « cisis » inconnue');
  });
});

describe('segur batch --cisis', () => {
  it('judges every bundle by the reviewer’s tree, and --resume re-checks when that tree changes', () => {
    const batch = join(root, 'batch-cisis');
    bundleWithOwnTree(join(batch, 'in'));
    const tree = join(batch, 'reviewer-tree');
    mkdirSync(join(tree, 'schematrons'), { recursive: true });
    const volet = join(tree, 'schematrons/CI-SIS_TEST-VOLET_2024.01.sch');
    writeFileSync(volet, schema('<pattern id="R"><rule context="cda:ClinicalDocument"><assert test="false()">Règle du relecteur</assert></rule></pattern>'));
    const args = ['batch', join(batch, 'in'), '--out', join(batch, 'out'), '--rem', REM, '--format', 'json', '--cisis', tree];
    const batchEnv = { XDG_CACHE_HOME: join(root, 'batch-cisis-cache') };
    const rules = () => {
      const report = JSON.parse(readFileSync(join(batch, 'out/sample-ok/report.json'), 'utf8')) as { findings: { rule: string }[] };
      return report.findings.map((finding) => finding.rule).filter((rule) => rule.startsWith('cisis/'));
    };

    const first = runCli(args, { env: batchEnv });
    expect(first.status).toBe(1);
    expect(rules()).toEqual(['cisis/volet-declared', 'cisis/TEST-VOLET_2024.01/R', 'cisis/no-volet']); // no-volet: the CDA inside the bundle's IHE_XDM.ZIP

    writeFileSync(volet, schema('<pattern id="R"><rule context="cda:ClinicalDocument"><assert test="true()">Règle du relecteur</assert></rule></pattern>'));
    const resumed = runCli([...args, '--resume'], { env: batchEnv });
    expect(resumed.status).toBe(0);
    expect(rules()).toEqual(['cisis/volet-declared', 'cisis/no-volet']);
  });

  it('refuses a folder that is not a TestContenuCDA tree before any bundle runs (exit 2)', () => {
    const batch = join(root, 'batch-cisis-bad');
    bundleWithOwnTree(join(batch, 'in'));
    const run = runCli(['batch', join(batch, 'in'), '--out', join(batch, 'out'), '--rem', REM, '--cisis', join(batch, 'nope')], { env: { XDG_CACHE_HOME: join(root, 'batch-cisis-bad-cache') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`segur : Impossible de lire le dossier TestContenuCDA ${join(batch, 'nope')} : fichier ou dossier introuvable (ENOENT).\n`);
    expect(existsSync(join(batch, 'out'))).toBe(false);
  });
});
