// The run configuration a CI sets once: `.segurrc.yaml` in the working folder, or the `segur:` key of
// the bundle's segur.yaml; command-line flags come first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
let bundle: string;

beforeAll(() => {
  work = tempDir('segur-config-');
  bundle = copyFixtureBundle('sample-ok', work);
  const manifest = join(bundle, 'segur.yaml');
  writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}  INS/va9.99:\n    status: conforme\n`);
});
afterAll(() => removeDir(work));

describe('.segurrc.yaml', () => {
  it('sets the language (help included), the formats and the fail level; flags come first', () => {
    writeFileSync(join(work, '.segurrc.yaml'), 'lang: en\nformat:\n  - json:report.json\n  - tty\nfail-level: warning\n');
    try {
      expect(runCli(['--help'], { cwd: work }).stdout.startsWith('Usage: segur [options] [command]')).toBe(true);
      const run = runCli(['check', 'sample-ok'], { cwd: work });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('✘ Check failed: 1 warning with --fail-level warning (--strict)\n');
      expect(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')).verdict).toBe('fail');
      const flags = runCli(['--lang', 'fr', 'check', 'sample-ok', '--fail-level', 'error', '--format', 'tty'], { cwd: work });
      expect(flags.status).toBe(0);
      expect(flags.stdout).toContain('✔ Contrôle réussi\n');
    } finally {
      removeDir(join(work, '.segurrc.yaml'));
      removeDir(join(work, 'report.json'));
    }
  });

  it('is exit 2 when invalid, naming the file, line and key', () => {
    writeFileSync(join(work, '.segurrc.yaml'), 'lang: fr\nfail_level: warning\n');
    try {
      expect(runCli(['catalog', 'list'], { cwd: work })).toMatchObject({
        status: 2,
        stderr:
          'segur : .segurrc.yaml, ligne 2, colonne 1 : clé « fail_level » inconnue dans (racine) : vouliez-vous dire « fail-level » ? Clés permises : lang, format, fail-level, max-warnings, quiet, csv-separator, cisis.\n',
      });
    } finally {
      removeDir(join(work, '.segurrc.yaml'));
    }
  });
});

describe('.segurrc.yaml values of the wrong type', () => {
  // Each value named by what it must be, in French: no zod type name ("boolean", "number"), no
  // message about profiles for a format.
  it.each([
    ['quiet: oui', 'ligne 1, colonne 8 : quiet doit valoir true ou false.'],
    ['max-warnings: abc', 'ligne 1, colonne 15 : max-warnings doit être un nombre.'],
    ['format: 3', 'ligne 1, colonne 9 : format doit être un texte ou une liste de textes.'],
    ['lang: [fr]', 'ligne 1, colonne 7 : lang vaut « [fr] » ; valeurs permises : fr, en.'],
  ])('%s', (text, expected) => {
    writeFileSync(join(work, '.segurrc.yaml'), `${text}\n`);
    try {
      expect(runCli(['catalog', 'list'], { cwd: work })).toMatchObject({ status: 2, stderr: `segur : .segurrc.yaml, ${expected}\n` });
    } finally {
      removeDir(join(work, '.segurrc.yaml'));
    }
  });
});

describe('the segur key of segur.yaml', () => {
  it('configures the check of its bundle, from any working folder, and leaves segur-bundle/1 manifests valid', () => {
    const configured = copyFixtureBundle('sample-ok', join(work, 'configured'));
    const manifest = join(configured, 'segur.yaml');
    writeFileSync(manifest, `${readFileSync(bundle + '/segur.yaml', 'utf8')}segur:\n  max-warnings: 0\n  csv-separator: tab\n`);
    const run = runCli(['check', configured, '--format', `csv:${join(work, 'c.csv')}`, '--format', 'tty']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✘ Contrôle échoué : 1 avertissement, au-delà de --max-warnings 0\n');
    expect(readFileSync(join(work, 'c.csv'), 'utf8').split('\r\n')[0]!.startsWith('\uFEFFPérimètre\tID\t')).toBe(true);
  });

  it('an invalid value is exit 2 with its place', () => {
    const broken = copyFixtureBundle('sample-ok', join(work, 'broken'));
    writeFileSync(join(broken, 'segur.yaml'), `${readFileSync(join(broken, 'segur.yaml'), 'utf8')}segur:\n  fail-level: souvent\n`);
    const run = runCli(['check', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^segur : .*broken\/sample-ok\/segur\.yaml, ligne \d+, colonne 15 : segur › fail-level vaut « souvent » ; valeurs permises : error, warning\.\n$/);
  });

  it('is not read from a segur.yaml that links outside the bundle: the check refuses the link, the outside file\'s content never shows', () => {
    const linked = copyFixtureBundle('sample-ok', join(work, 'linked'));
    const outside = join(work, 'outside-manifest.yaml');
    writeFileSync(outside, `${readFileSync(join(linked, 'segur.yaml'), 'utf8')}segur:\n  fail-level: souvent\n`);
    rmSync(join(linked, 'segur.yaml'));
    symlinkSync(outside, join(linked, 'segur.yaml'));
    const run = runCli(['check', linked]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^segur : .*linked\/sample-ok\/segur\.yaml est un lien vers un fichier hors du dossier de preuves/);
  });
});
