// A YAML key that is a list or a mapping (`? [a, b]`, `{[a]: 1}`) has no meaning in segur's files and
// made Node print an English warning (the yaml library stringifies it) before a message placed at
// line 1. Every YAML reader refuses it where it is written, in French, with no warning on stderr.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../src/bundle/manifest.js';
import { parseYamlText } from '../../src/catalog/yaml-file.js';
import { isSegurError } from '../../src/errors.js';
import { formatMessage } from '../../src/messages/index.js';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';
import { remFixture } from '../catalog/helpers.js';

function errorOf(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (isSegurError(error)) return { code: error.code, ...error.args };
    throw error;
  }
  throw new Error('no error');
}

const CASES: [name: string, text: string, line: number, column: number][] = [
  ['a flow list under requirements', 'schema: segur-bundle/1\nrequirements:\n  ? [a, b]\n  : x\n', 3, 5],
  ['a flow mapping at top level', 'schema: segur-bundle/1\n? {a: 1}\n: x\n', 2, 3],
  ['a block list key', 'schema: segur-bundle/1\n?\n  - a\n  - b\n: x\n', 3, 3],
  ['a key in a flow mapping', 'schema: segur-bundle/1\nprofile: {[a]: 1}\n', 2, 11],
  ['an alias to a list', 'schema: segur-bundle/1\nlist: &l [a]\n*l : x\n', 3, 1],
];

describe('non-scalar YAML keys', () => {
  it.each(CASES)('manifest: %s → io/yaml-complex-key at the key', (_name, text, line, column) => {
    expect(errorOf(() => parseManifest(text, 'b/segur.yaml'))).toEqual({ code: 'io/yaml-complex-key', file: 'b/segur.yaml', line, column });
  });

  it.each(CASES)('catalog or column map: %s → io/yaml-complex-key at the key', (_name, text, line, column) => {
    expect(errorOf(() => parseYamlText(text, 'c.yaml', 'catalog/file-syntax'))).toEqual({ code: 'io/yaml-complex-key', file: 'c.yaml', line, column });
  });

  it('keeps scalar keys of every kind (text, number, null, alias to text)', () => {
    expect(parseYamlText('a: 1\n2: b\n? c\n: d\nx: &k e\n*k : f\n', 'c.yaml', 'catalog/file-syntax')).toEqual({ a: 1, 2: 'b', c: 'd', x: 'e', e: 'f' });
  });

  it('says it in French and in English', () => {
    const args = { file: 'b/segur.yaml', line: 3, column: 5 };
    expect(formatMessage('io/yaml-complex-key', args, { lang: 'fr' })).toBe(
      'b/segur.yaml, ligne 3, colonne 5 : clé YAML composée (liste ou dictionnaire) : une clé ne peut être que du texte ou un nombre. Écrivez-la sur une ligne, sans « ? » ni crochets.',
    );
    expect(formatMessage('io/yaml-complex-key', args, { lang: 'en' })).toBe(
      'b/segur.yaml, line 3, column 5: complex YAML key (a list or a mapping): a key can only be text or a number. Write it on one line, without "?" or brackets.',
    );
  });
});

describe('non-scalar YAML keys through the CLI (no Node warning on stderr)', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('segur-yaml-keys-');
    mkdirSync(join(work, 'b'));
    writeFileSync(join(work, 'b', 'segur.yaml'), 'schema: segur-bundle/1\nrem: REM-SAMPLE-LGC\nrequirements:\n  ? [a, b]\n  : x\n');
    mkdirSync(join(work, 'rc'));
    writeFileSync(join(work, 'rc', '.segurrc.yaml'), 'lang: fr\n? [a]\n: 1\n');
    writeFileSync(join(work, 'catalog.yaml'), 'schema: segur-catalog/1\n? {a: 1}\n: x\n');
    writeFileSync(join(work, 'columns.yaml'), 'columns:\n  ? [Exigence]\n  : statement\n');
  });
  afterAll(() => removeDir(work));

  it('segur.yaml', () => {
    expect(runCli(['check', 'b'], { cwd: work })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'segur : b/segur.yaml, ligne 4, colonne 5 : clé YAML composée (liste ou dictionnaire) : une clé ne peut être que du texte ou un nombre. Écrivez-la sur une ligne, sans « ? » ni crochets.\n',
    });
  });

  it('.segurrc.yaml', () => {
    expect(runCli(['catalog', 'list'], { cwd: join(work, 'rc') })).toMatchObject({ status: 2, stderr: expect.stringMatching(/^segur : \.segurrc\.yaml, ligne 2, colonne 3 : clé YAML composée[^\n]*\n$/) });
  });

  it('a catalog file and a column map', () => {
    expect(runCli(['catalog', 'show', './catalog.yaml'], { cwd: work })).toMatchObject({ status: 2, stderr: expect.stringMatching(/^segur : \S*\/catalog\.yaml, ligne 2, colonne 3 : clé YAML composée[^\n]*\n$/) });
    const columns = runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--columns', 'columns.yaml', '--out', 'x.yaml'], { cwd: work });
    expect(columns).toMatchObject({ status: 2, stderr: expect.stringMatching(/^segur : columns\.yaml, ligne 2, colonne 5 : clé YAML composée[^\n]*\n$/) });
  });
});
