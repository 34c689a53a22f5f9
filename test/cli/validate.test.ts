// `segur validate` as CI users run it: folders walked with the proof folders' junk-file rule, its own
// pattern expansion (the same in every shell), the output formats and writers of `segur check`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';
import { isDynamicPattern } from 'tinyglobby';
import { splitLiteralBase } from '../../src/artefacts/validate-inputs.js';

let work: string;

beforeAll(() => {
  work = tempDir('segur-validate-');
  mkdirSync(join(work, 'export/2026'), { recursive: true });
  copyFileSync('fixtures/cda/valid-n1.xml', join(work, 'export/a.xml'));
  copyFileSync('fixtures/cda/defects/realm-code.xml', join(work, 'export/2026/b.xml'));
  // What Windows, macOS and Office leave behind: never validated.
  for (const junk of ['Thumbs.db', 'desktop.ini', '.DS_Store', '._a.xml', '~$rapport.xml']) writeFileSync(join(work, 'export', junk), 'x');
});
afterAll(() => removeDir(work));

describe('segur validate inputs', () => {
  it('walks a folder, in code-point order, leaving OS and Office junk files out', () => {
    const run = runCli(['validate', '--format', 'json', 'export'], { cwd: work });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(['export/2026/b.xml', 'export/a.xml']);
  });

  it('expands a quoted pattern itself, and refuses one that matches nothing (exit 2)', () => {
    const run = runCli(['validate', '--format', 'json', 'export/*.xml', 'export/**/b.xml'], { cwd: work });
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(['export/a.xml', 'export/2026/b.xml']);
    expect(runCli(['validate', 'export/*.cda'], { cwd: work })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'segur : Aucun fichier ne correspond au motif « export/*.cda » (les fichiers cachés et système sont ignorés).\n',
    });
  });
});

describe('segur validate patterns through a symlinked folder', () => {
  // `../shared` is often a symlink to the shared folder: a link the user typed in the pattern's literal
  // part is followed; links met while expanding the glob part are not (no cycles), as for folders.
  let root: string;
  let cwd: string;
  const paths = (pattern: string): string[] => {
    const run = runCli(['validate', '--format', 'json', pattern], { cwd });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout).files.map((file: { path: string }) => file.path);
  };

  beforeAll(() => {
    root = tempDir('segur-validate-link-');
    mkdirSync(join(root, 'real/export/sub'), { recursive: true });
    copyFileSync('fixtures/cda/valid-n1.xml', join(root, 'real/export/a.xml'));
    copyFileSync('fixtures/cda/valid-n1.xml', join(root, 'real/export/sub/b.xml'));
    symlinkSync('..', join(root, 'real/export/sub/loop'));
    symlinkSync(join(root, 'real'), join(root, 'shared'));
    cwd = join(root, 'worktree');
    mkdirSync(cwd);
  });
  afterAll(() => removeDir(root));

  it('follows a symlink in the literal part of a relative or absolute pattern', () => {
    expect(paths('../shared/export/*.xml')).toEqual(['../shared/export/a.xml']);
    expect(paths(`${root}/shared/export/*.xml`)).toEqual([`${root}/shared/export/a.xml`]);
    expect(paths('../shared/*/*.xml')).toEqual(['../shared/export/a.xml']);
  });

  it.each([
    ['../shared/corpus/*.xml', '../shared/corpus', '*.xml'],
    ['/work/shared/**/*.xml', '/work/shared', '**/*.xml'],
    ['/*.xml', '/', '*.xml'],
    ['*.xml', '', '*.xml'],
    ['./export/*.xml', 'export', '*.xml'],
    ['export/a\\[1\\]/*.xml', 'export', 'a\\[1\\]/*.xml'],
    ['C:/export/*/b.xml', 'C:/export', '*/b.xml'],
  ])('splits %s into the literal base %s and the glob %s', (pattern, base, rest) => {
    expect(splitLiteralBase(pattern, isDynamicPattern)).toEqual({ base, rest });
  });

  it('does not follow symlinks met while expanding the glob part (no cycle)', () => {
    expect(paths('../shared/export/**/*.xml')).toEqual(['../shared/export/a.xml', '../shared/export/sub/b.xml']);
    expect(paths('../*/export/*.xml')).toEqual(['../real/export/a.xml']);
    expect(paths(`${root}/*/export/*.xml`)).toEqual([`${root}/real/export/a.xml`]);
  });
});

describe('segur validate outputs', () => {
  it('writes json, junit, sarif and github like check, lines included; --quiet prints no line for clean files', () => {
    const run = runCli(
      ['validate', 'export', '-q', '--format', 'tty', '--format', 'json:v.json', '--format', 'junit:v.xml', '--format', 'sarif:v.sarif', '--format', 'github:v.txt'],
      { cwd: work },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '✘ export/2026/b.xml (cda)',
        '    ✘ export/2026/b.xml:4 /ClinicalDocument/realmCode/@code : Domaine d’application (realmCode) non conforme : realmCode/@code attendu "FR", trouvé "DE".',
        '',
        'Fichiers : 2 — 1 erreur · 0 avertissement',
        '✘ Validation échouée',
        '',
      ].join('\n'),
    );
    const finding = JSON.parse(readFileSync(join(work, 'v.json'), 'utf8')).files[0].findings[0];
    expect(finding).toMatchObject({ rule: 'cda/realm-code', line: 4, location: '/ClinicalDocument/realmCode/@code' });
    const junit = readFileSync(join(work, 'v.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="segur" tests="2" failures="1" errors="0" skipped="0">');
    expect(junit).toContain('<testcase classname="cda" name="export/2026/b.xml">');
    const result = JSON.parse(readFileSync(join(work, 'v.sarif'), 'utf8')).runs[0].results[0];
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'export/2026/b.xml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    expect(readFileSync(join(work, 'v.txt'), 'utf8')).toBe(
      '::error file=export/2026/b.xml,line=4,title=cda/realm-code::Domaine d’application (realmCode) non conforme : realmCode/@code attendu "FR", trouvé "DE". (/ClinicalDocument/realmCode/@code)\n',
    );
  });

  it('fails on warnings with --fail-level warning, refuses a format it does not write', () => {
    const notes = join(work, 'notes.txt');
    writeFileSync(notes, 'pas un artefact\n');
    expect(runCli(['validate', notes]).status).toBe(0); // a file of unknown kind is a warning
    const strict = runCli(['validate', notes, '--fail-level', 'warning']);
    expect(strict.status).toBe(1);
    expect(strict.stdout.endsWith('Fichiers : 1 — 0 erreur · 1 avertissement\n✘ Validation échouée : 1 avertissement avec --fail-level warning (--strict)\n')).toBe(true);
    expect(runCli(['validate', notes, '--format', 'html'])).toMatchObject({
      status: 2,
      stderr: 'segur : Format « html » inconnu pour segur validate --format. Formats disponibles : tty, json, junit, sarif, github.\n',
    });
  });
});
