// Every catalog-side input through the safe open and the strict decoder (issues 8 pt 2, 9 pt 2):
// the workbook of `catalog import`, `--rem` and a manifest's `rem:`, catalog files, `--columns`
// maps. Through the built CLI: exit 2 at once, a French message naming the file, no stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, projectRoot, segurBin, type CliRun } from '../helpers/cli.js';
import { remFixture } from './helpers.js';

const FIELD_FIFO = join(projectRoot, '../shared/field-cases/hostile/rem-is-a-fifo');
const sampleCatalog = readFileSync(join(projectRoot, 'rem-catalogs', 'REM-SAMPLE-LGC.yaml'), 'utf8');
let work: string;
let fifo: string;

/** The built CLI with a short timeout: a hang shows as status -1 instead of stalling the suite. */
function run(args: string[], cwd = work): CliRun {
  const result = spawnSync(process.execPath, [segurBin, ...args], { cwd, env: cliEnv(), input: '', encoding: 'utf8', timeout: 20_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectRefusal(result: CliRun, message: string): void {
  expect(result).toEqual({ status: 2, stdout: '', stderr: `segur : ${message}\n` });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'segur-catalog-inputs-'));
  fifo = join(work, 'rem.fifo');
  execFileSync('mkfifo', [fifo]);
  symlinkSync(fifo, join(work, 'fifo.xlsx'));
  symlinkSync(fifo, join(work, 'fifo.yaml'));
  symlinkSync('/dev/zero', join(work, 'zero.xlsx'));
  symlinkSync('/dev/zero', join(work, 'zero.yaml'));
  mkdirSync(join(work, 'folder.xlsx'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('workbooks: regular files only, read once', () => {
  it.each([
    ['a FIFO', 'fifo.xlsx', 'est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.'],
    ['a link to /dev/zero', 'zero.xlsx', 'est un périphérique, pas un fichier ordinaire : refusé.'],
    ['a folder', 'folder.xlsx', 'est un dossier, pas un fichier.'],
  ])('catalog import of %s ends at once with exit 2', (_name, file, message) => {
    expectRefusal(run(['catalog', 'import', join(work, file), '--out', join(work, 'out.yaml')]), `${join(work, file)} ${message}`);
    expect(existsSync(join(work, 'out.yaml'))).toBe(false);
  });

  it('a missing workbook', () => {
    expectRefusal(run(['catalog', 'import', join(work, 'absent.xlsx')]), `Fichier introuvable : ${join(work, 'absent.xlsx')}`);
  });

  it('the catalog records the SHA-256 of the very bytes it was read from', () => {
    const out = join(work, 'sample.yaml');
    expect(run(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--out', out]).status).toBe(0);
    const sha = /sha256: "?([0-9a-f]{64})/.exec(readFileSync(out, 'utf8'))?.[1];
    const expected = execFileSync('sha256sum', [remFixture('REM-SAMPLE-LGC.xlsx')], { encoding: 'utf8' }).split(' ')[0];
    expect(sha).toBe(expected);
  });
});

describe('catalog files and --columns maps', () => {
  it.each([
    ['catalog show of a FIFO', () => ['catalog', 'show', join(work, 'fifo.yaml')], 'fifo.yaml', 'est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.'],
    ['catalog show of /dev/zero', () => ['catalog', 'show', join(work, 'zero.yaml')], 'zero.yaml', 'est un périphérique, pas un fichier ordinaire : refusé.'],
    ['--columns FIFO', () => ['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--columns', join(work, 'fifo.yaml')], 'fifo.yaml', 'est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.'],
    ['--columns /dev/zero', () => ['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--columns', join(work, 'zero.yaml')], 'zero.yaml', 'est un périphérique, pas un fichier ordinaire : refusé.'],
  ])('%s', (_name, args, file, message) => {
    expectRefusal(run(args()), `${join(work, file)} ${message}`);
  });

  it('a catalog file with an invalid UTF-8 byte names its line and column', () => {
    const file = join(work, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('schema: segur-catalog/1\ntitle: "R'), Buffer.from([0xe9]), Buffer.from('f"\n')]));
    expectRefusal(run(['catalog', 'show', file]), `${file}, ligne 2, colonne 10 : octet invalide en UTF-8 (octet n° 33). Réenregistrez le fichier en UTF-8.`);
  });

  it('a --columns map with an invalid UTF-8 byte names its line and column', () => {
    const file = join(work, 'map-latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('columns:\n  Num'), Buffer.from([0xe9]), Buffer.from('ro: id\n')]));
    expectRefusal(
      run(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--columns', file]),
      `${file}, ligne 2, colonne 6 : octet invalide en UTF-8 (octet n° 14). Réenregistrez le fichier en UTF-8.`,
    );
  });

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sampleCatalog)])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sampleCatalog, 'utf16le')])],
  ])('a catalog file in %s reads like the UTF-8 one', (name, bytes) => {
    const file = join(work, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, bytes);
    const shown = run(['catalog', 'show', file, '--format', 'json']);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout).requirements).toHaveLength(7);
  });

  it.each([
    ['nested flow collections', `${'['.repeat(5000)}${']'.repeat(5000)}\n`, 1],
    ['nested block sequences', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x\n', 65],
    ['compact nested sequences', `${'- '.repeat(5000)}x\n`, 1],
  ])('%s are refused before the YAML library recurses', (_name, text, line) => {
    const file = join(work, 'deep.yaml');
    writeFileSync(file, text);
    expectRefusal(
      run(['catalog', 'show', file]),
      `${file}, ligne ${line} : plus de 64 niveaux d’imbrication. Un catalogue ou une correspondance de colonnes n’en a que quelques-uns : ce fichier n’en est pas un.`,
    );
  });

  // Each item costs the yaml library ≈3 µs and 1 KB: a 4 MB flow list of two million items took
  // 12.6 s and 2.3 GB, then « Erreur interne : Maximum call stack size exceeded ».
  it.each([
    ['a flow list of 2,000,000 items', (head: string) => `${head}requirements: [${'a,'.repeat(2_000_000)}a]\n`, 4],
    // Four keys, then one item a line from line 5: the 150,001st entry is on line 150,001.
    ['a block list of 200,000 items', (head: string) => `${head}requirements:\n${'- a\n'.repeat(200_000)}`, 150_001],
    ['a flow mapping of 200,000 keys', (head: string) => `${head}x: {${Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`, 4],
  ])('%s in a catalog file is refused while it is read', (_name, make, line) => {
    const file = join(work, 'many.yaml');
    writeFileSync(file, make('schema: segur-catalog/1\nid: X\ntitle: T\n'));
    expectRefusal(
      run(['catalog', 'show', file]),
      `${file}, ligne ${line} : plus de 150000 clés et éléments de liste. Le catalogue d’un REM de 2 000 lignes en compte environ 30 000, une correspondance de colonnes quelques dizaines : ce fichier n’est ni l’un ni l’autre.`,
    );
  });

  // The yaml library reads ≈2 MB/s: a 3.9 MB catalog with one anchor took 2.7 s. Past 1,000,000
  // characters only plain YAML is read, and the first construct outside it is named.
  it.each([
    ['an anchor', 'extra: &a 1\n', 1],
    ['a syntax error at the end', null, 'end'],
  ])('a catalog of more than 1,000,000 characters with %s is refused at its line', (_name, head, where) => {
    const [top, list] = sampleCatalog.split('requirements:\n');
    const copies = Array.from({ length: Math.ceil(2_100_000 / list!.length) }, (_, copy) => list!.replace(/^ {2}- id: (\S+)$/gm, `  - id: $1.${copy}`));
    const body = `${top}requirements:\n${copies.join('')}`;
    const text = head === null ? `${body}bad: [1, 2\n` : `${head}${body}`;
    const line = where === 'end' ? text.split('\n').length : where;
    const file = join(work, 'large.yaml');
    writeFileSync(file, text);
    expectRefusal(
      run(['catalog', 'show', file]),
      `${file}, ligne ${line} : ce catalogue de plus de 1000000 caractères sort ici du YAML simple (ancre, alias, étiquette, clé répétée ou qui n’est pas un texte, second document, tabulation en début de ligne, caractère de contrôle, texte entre guillemets sur plusieurs lignes, erreur de syntaxe). Un catalogue de cette taille doit être celui qu’écrit « segur catalog import » : régénérez-le, ou corrigez cette ligne.`,
    );
  });

  it('two YAML documents in one catalog file', () => {
    const file = join(work, 'two.yaml');
    writeFileSync(file, `${sampleCatalog}---\nschema: x\n`);
    const lines = sampleCatalog.split('\n').length;
    expectRefusal(run(['catalog', 'show', file]), `${file}, ligne ${lines} : un second document YAML (« --- ») commence ici ; le fichier ne doit en contenir qu’un.`);
  });

  it('a catalog file larger than the cap is refused unread', () => {
    const file = join(work, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 40 * 1024 * 1024);
    expectRefusal(run(['catalog', 'show', file]), `${file} fait au moins 41943040 octets, au-delà de la limite de 4194304 octets : refusé sans être lu.`);
  });

  it('catalog list goes on past a FIFO in rem-catalogs/', () => {
    const dir = join(work, 'list');
    mkdirSync(join(dir, 'rem-catalogs'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'rem-catalogs', 'AAA.yaml')]);
    const listed = run(['catalog', 'list'], dir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^AAA {2}illisible : \S*rem-catalogs\/AAA\.yaml est un tube nommé \(FIFO\)/m);
    expect(listed.stdout).toContain('REM-SAMPLE-LGC  7 exigences');
  });

  it('a regular --columns map with a BOM still works', () => {
    const map = join(work, 'bom-map.yaml');
    writeFileSync(map, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('columns:\n  Fonction: ignore\n')]));
    const imported = run(['catalog', 'import', remFixture('layout-no-nature.xlsx'), '--columns', map, '--explain', '--out', join(work, 'c.yaml')]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('  C « Fonction » (ignorée par --columns)\n');
  });
});

describe.skipIf(!existsSync(FIELD_FIFO))('field case hostile/rem-is-a-fifo: the manifest’s rem: is a FIFO', () => {
  let bundle: string;
  beforeAll(() => {
    bundle = join(work, 'rem-is-a-fifo');
    cpSync(FIELD_FIFO, bundle, { recursive: true });
    chmodSync(bundle, 0o755);
    execFileSync('mkfifo', [join(bundle, 'rem.yaml')]);
  });

  it('check ends at once with exit 2 naming the FIFO', () => {
    const result = run(['check', bundle]);
    expectRefusal(result, `${join(bundle, 'rem.yaml')} est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.`);
  });

  it('the same with a workbook FIFO given by --rem', () => {
    const result = run(['check', bundle, '--rem', join(work, 'fifo.xlsx')]);
    expectRefusal(result, `${join(work, 'fifo.xlsx')} est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.`);
  });
});
