// `segur check` as a user runs it: outputs, determinism, --strict, exit 2 on an unusable manifest.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir, treeSnapshot } from './helpers.js';

const work = tempDir();
afterAll(() => removeDir(work));

describe('segur check outputs', () => {
  it('gives byte-identical JSON on two runs, and a date only when asked', () => {
    const first = join(work, 'a.json');
    const second = join(work, 'b.json');
    expect(runCli(['check', 'fixtures/bundles/symlink-escape', '--format', `json:${first}`]).status).toBe(1);
    expect(runCli(['check', 'fixtures/bundles/symlink-escape', '--format', `json:${second}`]).status).toBe(1);
    expect(readFileSync(first)).toEqual(readFileSync(second));
    expect(readFileSync(first, 'utf8')).not.toContain('"date"');
    const dated = runCli(['check', 'fixtures/bundles/sample-ok', '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(JSON.parse(dated.stdout).date).toBe('2023-11-14T22:13:20.000Z');
  });

  it('writes several formats at once, the tty one to stdout, files atomically (no temporary left)', () => {
    const dir = join(work, 'multi');
    runCli(['init', dir, '--rem', 'REM-SAMPLE-LGC']);
    const json = join(work, 'multi.json');
    const run = runCli(['check', 'fixtures/bundles/sample-ok', '--format', `json:${json}`, '--format', 'tty']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✔ Contrôle réussi');
    expect(JSON.parse(readFileSync(json, 'utf8')).verdict).toBe('pass');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the terminal report grouped by chapter, without colour when NO_COLOR is set', () => {
    const run = runCli(['check', 'fixtures/bundles/missing-proof']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toContain(
      [
        'Gestion de l\'INS',
        '  ✔ conforme        INS/va1.01  Appel au téléservice INSi',
        '  … incomplet       INS/va1.02  Qualification de l\'identité',
        '      ✘ Preuve INS/va1.02.02.01 manquante : listez un fichier dans segur.yaml ou déposez-le dans proofs/INS_va1.02.02.01/.',
      ].join('\n'),
    );
    expect(run.stdout).toContain('Exigences : 6 — conforme : 4 · non conforme : 0 · incomplet : 1 · non applicable : 1 — erreurs : 1 · avertissements : 0\n✘ Contrôle échoué\n');
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['--lang', 'en', 'check', 'fixtures/bundles/empty-file']);
    expect(run.stdout).toContain('File proofs/SC.SSI_IE.58.01.01/journal-acces.log is empty.');
    expect(run.stdout).toContain('✘ Check failed');
  });

  it('refuses an unknown format, a binary format without a file, and two formats on stdout (exit 2)', () => {
    expect(runCli(['check', 'fixtures/bundles/sample-ok', '--format', 'pdf'])).toMatchObject({ status: 2, stdout: '' });
    const xlsx = runCli(['check', 'fixtures/bundles/sample-ok', '--format', 'xlsx']);
    expect(xlsx.status).toBe(2);
    expect(xlsx.stderr).toBe('segur : Le format xlsx est binaire : donnez un fichier, par exemple --format xlsx:rapport.xlsx.\n');
    expect(runCli(['check', 'fixtures/bundles/sample-ok', '--format', 'json', '--format', 'tty']).status).toBe(2);
  });

  it('refuses to write a report inside the bundle (exit 2, before the run, bundle untouched)', () => {
    const bundle = copyFixtureBundle('sample-ok', join(work, 'inside'));
    const before = treeSnapshot(bundle);
    for (const target of [join(bundle, 'rapport.json'), join(bundle, 'proofs/INS_va1.01.01.01/appel-insi.png'), join(bundle, 'proofs/../r.json')]) {
      const run = runCli(['check', bundle, '--format', `json:${target}`]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('qui n’est jamais modifié');
    }
    expect(treeSnapshot(bundle)).toEqual(before);
  });

  it('exits 2 when the output cannot be written, leaving nothing behind', () => {
    const run = runCli(['check', 'fixtures/bundles/sample-ok', '--format', `json:${join(work, 'no/such/dir/r.json')}`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Impossible d’écrire le fichier de sortie');
  });
});

describe('segur check on hostile file names', () => {
  it('never sends a control character from a file name to the terminal', () => {
    const bundle = copyFixtureBundle('sample-ok', join(work, 'hostile-names'));
    writeFileSync(join(bundle, 'proofs/INS_va1.02.02.01/\u001b[2Jevil\n✔ conforme.png'), '');
    const run = runCli(['check', bundle]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('✘ Le fichier proofs/INS_va1.02.02.01/\\x1b[2Jevil\\x0a✔ conforme.png est vide.');
  });
});

describe('segur check --rem', () => {
  it('overrides the manifest catalog (a workbook imported on the fly, relative to the current folder)', () => {
    const run = runCli(['check', 'fixtures/bundles/sample-ok', '--rem', 'fixtures/rem/REM-SAMPLE-LGC.xlsx', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.catalog.id).toBe('REM-SAMPLE-LGC');
    // catalog.sha256 is the catalog source's: the workbook's bytes.
    expect(report.catalog.sha256).toBe(createHash('sha256').update(readFileSync(join(projectRoot, 'fixtures/rem/REM-SAMPLE-LGC.xlsx'))).digest('hex'));
  });
});

describe('segur check --strict', () => {
  it('fails on a warning that the default gate lets through', () => {
    const bundle = copyFixtureBundle('sample-ok', work);
    const manifest = join(bundle, 'segur.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}  INS/va9.99:\n    status: conforme\n`);
    expect(runCli(['check', bundle]).status).toBe(0);
    const strict = runCli(['check', bundle, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('✘ Contrôle échoué : 1 avertissement avec --fail-level warning (--strict)\n');
  });
});

describe('segur check on a manifest it cannot use (exit 2)', () => {
  const cases: Array<{ name: string; manifest: string; stderr: string }> = [
    {
      name: 'YAML syntax',
      manifest: 'schema: segur-bundle/1\nrequirements: [\n',
      stderr: 'segur.yaml, ligne 3, colonne 1 : YAML invalide',
    },
    {
      name: 'unknown key',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nrequirements:\n  INS/va1.01:\n    statut: conforme\n',
      stderr: 'segur.yaml, ligne 5, colonne 5 : clé « statut » inconnue dans requirements › INS/va1.01 : vouliez-vous dire « status » ? Clés permises : status, justification, scenarios, proofs, note.',
    },
    {
      name: 'status not in the list',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nrequirements:\n  INS/va1.01:\n    status: fait\n',
      stderr: 'segur.yaml, ligne 5, colonne 13 : requirements › INS/va1.01 › status vaut « fait » ; valeurs permises : conforme, non-applicable, en-cours.',
    },
    {
      name: 'wrong type',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nrequirements:\n  INS/va1.01:\n    proofs:\n      INS/va1.01.01.01: proofs/a.png\n',
      stderr: 'segur.yaml, ligne 6, colonne 25 : requirements › INS/va1.01 › proofs › INS/va1.01.01.01 doit être une liste',
    },
    {
      name: 'missing path',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nrequirements:\n  INS/va1.01:\n    proofs:\n      INS/va1.01.01.01:\n        - kind: screenshot\n',
      stderr: 'segur.yaml, ligne 7, colonne 11 : champ obligatoire « path » absent dans requirements › INS/va1.01 › proofs › INS/va1.01.01.01 › 0.',
    },
    {
      name: 'wrong schema',
      manifest: 'schema: segur-bundle/2\n',
      stderr: 'segur.yaml, ligne 1, colonne 9 : schema vaut « segur-bundle/2 » ; valeurs permises : segur-bundle/1.',
    },
    { name: 'no rem', manifest: 'schema: segur-bundle/1\n', stderr: 'aucun catalogue REM indiqué' },
    { name: 'unknown profile', manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nprofile: Hôpital\n', stderr: 'Profil « Hôpital » absent du catalogue REM-SAMPLE-LGC. Profils disponibles : Général, Centre de santé.' },
    {
      name: 'JSON manifest with a bad value',
      manifest: '{"schema": "segur-bundle/1", "rem": 12}',
      stderr: 'segur.yaml, ligne 1, colonne 37 : rem doit être un texte, or YAML lit 12 comme un nombre ou un booléen. Écrivez-le entre guillemets : "12".',
    },
    // A version or an identifier YAML reads as a number: quoted back as written (1.0, not the 1 read).
    {
      name: 'a version read as a number',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nsoftware:\n  name: Logiciel\n  version: 1.0   # la version livrée\n',
      stderr: 'segur.yaml, ligne 5, colonne 12 : software › version doit être un texte, or YAML lit 1.0 comme un nombre ou un booléen. Écrivez-le entre guillemets : "1.0".',
    },
    {
      name: 'a version read as a number, flow style',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nsoftware: { name: Logiciel, version: 2.10 }\n',
      stderr: 'segur.yaml, ligne 3, colonne 38 : software › version doit être un texte, or YAML lit 2.10 comme un nombre ou un booléen. Écrivez-le entre guillemets : "2.10".',
    },
    {
      name: 'a name read as a boolean',
      manifest: 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\neditor:\n  name: true\n',
      stderr: 'segur.yaml, ligne 4, colonne 9 : editor › name doit être un texte, or YAML lit true comme un nombre ou un booléen. Écrivez-le entre guillemets : "true".',
    },
  ];

  it.each(cases)('$name', ({ manifest, stderr }) => {
    const bundle = join(work, `bad-${Math.random().toString(16).slice(2)}`);
    runCli(['init', bundle, '--rem', 'REM-SAMPLE-LGC']);
    writeFileSync(join(bundle, 'segur.yaml'), manifest);
    const run = runCli(['check', bundle]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the folder has no manifest', () => {
    const run = runCli(['check', join(work, 'nothing-here')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('n’est pas un dossier');
    expect(existsSync(join(work, 'nothing-here'))).toBe(false);
  });

  it('accepts a JSON manifest (YAML superset)', () => {
    const bundle = join(work, 'json-manifest');
    runCli(['init', bundle, '--rem', 'REM-SAMPLE-LGC']);
    writeFileSync(join(bundle, 'segur.yaml'), JSON.stringify({ schema: 'segur-bundle/1', rem: 'REM-SAMPLE-LGC', requirements: {} }));
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.status).toBe(1);
    // No profile: every requirement of the catalog.
    expect(JSON.parse(run.stdout).summary.incomplet).toBe(7);
  });
});
