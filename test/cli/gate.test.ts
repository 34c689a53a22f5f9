// The linter conventions of `segur check` (ESLint, Conftest): --fail-level/--strict, --max-warnings,
// --quiet, -o; and every CI format agreeing with the exit code (JUnit failures ≥ 1 whenever segur
// exits 1), SARIF locations from the repository root, GitHub's annotation cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
/** sample-ok with requirement ids the REM does not know: one warning each, outside any requirement. */
let warned: string;

beforeAll(() => {
  work = tempDir('segur-gate-');
  warned = copyFixtureBundle('sample-ok', work);
  const manifest = join(warned, 'segur.yaml');
  const unknown = Array.from({ length: 12 }, (_, index) => `  INS/va9.${String(index + 10)}:\n    status: conforme\n`).join('');
  writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}${unknown}`);
});
afterAll(() => removeDir(work));

interface SarifLog {
  runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

const failures = (junit: string) => Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)![1]);

describe('the gate and its formats', () => {
  it.each([['--strict'], ['--fail-level', 'warning']])('%s fails on warnings, and JUnit says so (failures ≥ 1)', (...flag) => {
    const out = join(work, `strict${flag.length}`);
    const run = runCli(['check', warned, ...flag, '--format', `junit:${out}.xml`, '--format', 'tty']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✘ Contrôle échoué : 12 avertissements avec --fail-level warning (--strict)\n');
    expect(failures(readFileSync(`${out}.xml`, 'utf8'))).toBeGreaterThanOrEqual(1);
  });

  it('--max-warnings N fails beyond N, with a JUnit testcase of its own when no requirement fails', () => {
    const out = join(work, 'max.xml');
    const run = runCli(['check', warned, '--max-warnings', '11', '--format', `junit:${out}`, '--format', 'tty']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✘ Contrôle échoué : 12 avertissements, au-delà de --max-warnings 11\n');
    const junit = readFileSync(out, 'utf8');
    expect(failures(junit)).toBe(1);
    expect(junit).toContain('<testcase classname="segur" name="Contrôle">\n      <failure type="gate" message="Contrôle échoué : 12 avertissements, au-delà de --max-warnings 11">');
    expect(runCli(['check', warned, '--max-warnings', 'beaucoup']).stderr).toBe(
      'segur : Valeur « beaucoup » invalide pour --max-warnings : donnez un nombre entier positif ou nul.\n',
    );
    expect(runCli(['check', warned, '--fail-level', 'info']).stderr).toBe('segur : Niveau « info » inconnu pour --fail-level : utilisez error ou warning.\n');
  });

  it('--quiet shows errors only: failing requirements on the terminal, error findings in every format', () => {
    const missing = copyFixtureBundle('missing-proof', work);
    const out = join(work, 'quiet.json');
    const run = runCli(['check', missing, '-q', '--format', 'tty', '--format', `json:${out}`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  … incomplet       INS/va1.02  Qualification de l\'identité\n');
    expect(run.stdout).not.toMatch(/✔ conforme|non applicable {2}DMP/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { severity: string }[]; summary: { requirements: number } };
    expect(report.findings.map((finding) => finding.severity)).toEqual(['error']);
    expect(report.summary.requirements).toBe(6);
  });

  // A run failed by a warning (--fail-level warning, --strict, --max-warnings) shows that warning
  // under --quiet: before, the gate failed with nothing shown but the count.
  it('--quiet keeps the warnings that fail the run, in check and in validate', () => {
    const out = join(work, 'quiet-strict.json');
    const check = runCli(['check', warned, '-q', '--fail-level', 'warning', '--format', 'tty', '--format', `json:${out}`]);
    expect(check.status).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { severity: string }[]; requirements: { findings: { severity: string }[] }[] };
    const severities = [...report.findings, ...report.requirements.flatMap((result) => result.findings)].map((finding) => finding.severity);
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['warning']));
    expect(check.stdout.match(/^ +! /gm)?.length).toBe(severities.length);
    const validate = runCli(['validate', 'package.json', '-q', '--fail-level', 'warning']);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain('– package.json (log)\n    ! package.json : Type de fichier non reconnu');
    expect(runCli(['validate', 'package.json', '-q']).stdout).not.toContain('package.json (log)');
  });

  it('-o FILE names the file of the one format given, or takes the format from the extension', () => {
    const sarif = join(work, 'o.sarif');
    expect(runCli(['check', warned, '-o', sarif]).status).toBe(0);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    const junit = join(work, 'o.txt');
    expect(runCli(['check', warned, '--format', 'junit', '--output', junit]).status).toBe(0);
    expect(readFileSync(junit, 'utf8').startsWith('<?xml')).toBe(true);
    expect(runCli(['check', warned, '-o', join(work, 'o.pdf')])).toMatchObject({ status: 2, stdout: '' });
    expect(runCli(['check', warned, '--format', 'json', '--format', 'html', '-o', join(work, 'x')]).stderr).toMatch(/^segur : -o\/--output .* ne peut désigner le fichier que d’un seul format/);
  });
});

describe('CI locations', () => {
  it('SARIF of a bundle under preuves/ has uris starting with preuves/, relative to %SRCROOT%', () => {
    const repository = tempDir('segur-repo-');
    try {
      renameSync(copyFixtureBundle('missing-proof', repository), join(repository, 'preuves'));
      const run = runCli(['check', 'preuves', '--format', 'sarif', '--format', 'github:annotations.txt'], { cwd: repository });
      expect(run.status).toBe(1);
      const locations = JSON.parse(run.stdout).runs[0].results.map(
        (result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => result.locations[0]!.physicalLocation.artifactLocation,
      );
      expect(locations).toEqual([
        { uri: 'preuves/segur.yaml', uriBaseId: '%SRCROOT%' }, // cisis/not-run, about the bundle
        { uri: 'preuves/proofs/INS_va1.01.01.02/reponse-insi.xml', uriBaseId: '%SRCROOT%' },
        { uri: 'preuves/segur.yaml', uriBaseId: '%SRCROOT%' },
      ]);
      expect(readFileSync(join(repository, 'annotations.txt'), 'utf8')).toBe(
        '::error title=INS/va1.02 · coverage/missing-proof::Preuve INS/va1.02.02.01 manquante : listez un fichier dans segur.yaml ou déposez-le dans proofs/INS_va1.02.02.01/.\n',
      );
    } finally {
      removeDir(repository);
    }
  });

  // Policy (README, « Identifiants masqués »): every text a person reads is masked by content; the
  // locations CI tools resolve — SARIF artifactLocation.uri, the `file=` of a workflow command — are
  // the paths as on disk, or they would point at no file. Here both the bundle folder and a proof file
  // carry an INS/NIR-shaped number.
  it('SARIF and GitHub locations resolve to the real files when a folder or file name holds an INS/NIR-shaped number; messages stay masked', () => {
    const repository = tempDir('segur-repo-');
    try {
      const bundle = join(repository, 'preuves', 'patient-279035121518989');
      mkdirSync(join(repository, 'preuves'));
      renameSync(copyFixtureBundle('cda-wrong-ins-key', repository), bundle);
      const proofs = join(bundle, 'proofs/INS_va1.02.01.01');
      renameSync(join(proofs, 'document.xml'), join(proofs, 'cda-279035121518989.xml'));
      const manifest = join(bundle, 'segur.yaml');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('INS_va1.02.01.01/document.xml', 'INS_va1.02.01.01/cda-279035121518989.xml'));
      const folder = 'preuves/patient-279035121518989';
      const run = runCli(['check', folder, '--format', 'sarif:out.sarif', '--format', 'github', '--format', 'tty:out.txt'], { cwd: repository });
      expect(run.status).toBe(1);
      const sarifText = readFileSync(join(repository, 'out.sarif'), 'utf8');
      const results = (JSON.parse(sarifText) as SarifLog).runs[0]!.results;
      const uris = results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(uris).toContain(`${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml`);
      for (const uri of uris) expect(existsSync(join(repository, uri)), uri).toBe(true);
      const insKey = results.find((result) => result.ruleId === 'ins/key')!;
      expect(insKey.message.text).toBe('La clé de l’INS 28503••••••••78 est fausse : 78 au lieu de 79.');
      // No unmasked identifier anywhere but in the uris.
      expect(sarifText.replace(/"uri": "[^"]*"/g, '')).not.toMatch(/279035121518989|285036912304578/);
      const annotation = run.stdout.split('\n').find((line) => line.includes('ins/key'))!;
      expect(annotation).toBe(
        `::error file=${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml,line=19,title=INS/va1.02 · ins/key::La clé de l’INS 28503••••••••78 est fausse : 78 au lieu de 79. (/ClinicalDocument/recordTarget/patientRole/id[1])`,
      );
      const file = /file=([^,]*),/.exec(annotation)![1]!;
      expect(existsSync(join(repository, file))).toBe(true);
      expect(run.stdout.replace(/file=[^,]*,/g, '')).not.toMatch(/279035121518989|285036912304578/);
      // What a person reads in the terminal: the folder and the file masked.
      const tty = readFileSync(join(repository, 'out.txt'), 'utf8');
      expect(tty.split('\n')[0]).toBe('Dossier preuves/patient-27903••••••••89 — REM REM-SAMPLE-LGC (Général)');
      expect(tty).not.toMatch(/279035121518989|285036912304578/);
      // --reveal-identifiers: everything in clear, the locations unchanged.
      const revealed = runCli(['--reveal-identifiers', 'check', folder, '--format', 'github', '--format', 'tty:out.txt'], { cwd: repository });
      expect(revealed.stdout).toContain(`::error file=${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml,line=19,title=INS/va1.02 · ins/key::La clé de l’INS 285036912304578 est fausse`);
      expect(readFileSync(join(repository, 'out.txt'), 'utf8').split('\n')[0]).toBe(`Dossier ${folder} — REM REM-SAMPLE-LGC (Général)`);
      // validate: the same locations for the same file.
      const validated = runCli(['validate', `${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml`, '--format', 'sarif', '--format', 'github:annotations.txt'], { cwd: repository });
      expect(validated.status).toBe(1);
      const validatedUris = (JSON.parse(validated.stdout) as SarifLog).runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(new Set(validatedUris)).toEqual(new Set([`${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml`]));
      expect(readFileSync(join(repository, 'annotations.txt'), 'utf8')).toContain(`::error file=${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml,line=19,`);
      // JUnit test names are read by people in the CI test view: masked, in check and in validate.
      for (const args of [['validate', `${folder}/proofs/INS_va1.02.01.01/cda-279035121518989.xml`], ['check', folder]]) {
        const junit = runCli([...args, '--format', 'junit:out.xml'], { cwd: repository });
        expect(junit.status).toBe(1);
        expect(readFileSync(join(repository, 'out.xml'), 'utf8')).not.toMatch(/279035121518989|285036912304578/);
      }
    } finally {
      removeDir(repository);
    }
  });

  it('passes by default on warnings (JUnit without failure), annotating at most 10 warnings per step, then saying where the rest is', () => {
    const junit = join(work, 'default.xml');
    const run = runCli(['check', warned, '--format', 'github', '--format', `junit:${junit}`]);
    expect(run.status).toBe(0);
    expect(failures(readFileSync(junit, 'utf8'))).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(lines[10]).toBe(
      '::notice title=segur::GitHub n’affiche que 10 annotations d’erreur et 10 d’avertissement par étape : 2 autres constats sont listés dans le journal ci-dessous. Le rapport complet : --format sarif, json ou html.',
    );
    expect(lines.slice(11)).toHaveLength(2);
    expect(lines[11]).toBe(`${warned}/segur.yaml:61: [avertissement] L’exigence INS/va9.20 n’existe pas dans le REM. [manifest/unknown-requirement]`);
  });
});
