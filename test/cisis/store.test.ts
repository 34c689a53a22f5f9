// The pack cache (store/): the key must cover every byte the compiler reads — links in the user's
// tree included — and hashing must go through the safe open (regular files only, capped, streamed),
// whatever stands in the tree: a file of several GiB, a FIFO, a link loop, a broken link.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSchematron } from '../../src/cisis/compile/compile-schema.js';
import { checkXPathSyntax } from '../../src/cisis/run/xpath-engine.js';
import { ensurePacks } from '../../src/cisis/store/ensure-packs.js';
import { loadPack } from '../../src/cisis/store/pack-cache.js';
import { openTree, sourceFiles } from '../../src/cisis/store/tree.js';
import { projectRoot } from '../helpers/cli.js';
import { schema, valueSet, writeTree } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-cisis-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MAIN = 'schematrons/CI-SIS_TEST_2024.01.sch';

/** A volet whose rules come from an include and look a code up in a value set. */
function volet(assertText: string): string {
  return schema(`<include href="include/p.sch"/>
  <pattern id="main"><rule context="cda:code"><let name="c" value="@code"/><assert test="document('../jeuxDeValeurs/JDV_A.xml')//svs:Concept[@code=$c]">${assertText}</assert></rule></pattern>`);
}
const included = (id: string) => `<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="${id}"><rule context="cda:title"><assert test="false()">x</assert></rule></pattern>`;

/** A tree whose schematron, include folder and value set are links to files outside it. */
function linkedTree(name: string): { root: string; outside: string } {
  const outside = join(scratch, `${name}-outside`);
  mkdirSync(join(outside, 'include'), { recursive: true });
  writeFileSync(join(outside, 'main.sch'), volet('code hors JDV'));
  writeFileSync(join(outside, 'include', 'p.sch'), included('p1'));
  writeFileSync(join(outside, 'JDV_A.xml'), valueSet([['A', '1.2.3', 'a']]));
  const root = writeTree({ 'jeuxDeValeurs/JDV_B.xml': valueSet([['B', '1.2.3', 'b']]) });
  mkdirSync(join(root, 'schematrons'));
  symlinkSync(join(outside, 'main.sch'), join(root, MAIN));
  symlinkSync(join(outside, 'include'), join(root, 'schematrons/include'));
  symlinkSync(join(outside, 'JDV_A.xml'), join(root, 'jeuxDeValeurs/JDV_A.xml'));
  return { root, outside };
}

const cacheDir = (name: string) => join(scratch, `${name}-cache`);

describe('the cache key covers what the compiler reads', () => {
  it('lists linked files and folders under their path in the tree, and the compiler reads nothing else', async () => {
    const { root } = linkedTree('list');
    const sources = sourceFiles(openTree(root)).map((entry) => `${entry.path} ${entry.kind}`);
    expect(sources).toEqual(['jeuxDeValeurs/JDV_A.xml file', 'jeuxDeValeurs/JDV_B.xml file', 'schematrons/CI-SIS_TEST_2024.01.sch file', 'schematrons/include/p.sch file']);
    const read = compileSchematron(root, MAIN, { checkXPath: checkXPathSyntax }).files;
    expect([...new Set(read)].sort()).toEqual(['jeuxDeValeurs/JDV_A.xml', MAIN, 'schematrons/include/p.sch']);
  });

  it('recompiles when any file the compiler read changes, through a link or not', async () => {
    const { root } = linkedTree('change');
    const cache = cacheDir('change');
    const first = await ensurePacks(root, { cache });
    expect(first.compiled).toBe(true);
    expect(await ensurePacks(root, { cache })).toMatchObject({ compiled: false, packDir: first.packDir });
    const read = [...new Set(compileSchematron(root, MAIN, { checkXPath: checkXPathSyntax }).files)].sort();
    const keys = new Set([first.packDir]);
    for (const file of read) {
      // Appending a comment keeps every file well-formed and changes its bytes (and size).
      appendFileSync(join(root, file), `\n<!-- ${file} changed -->\n`);
      const again = await ensurePacks(root, { cache });
      expect(again.compiled, file).toBe(true);
      expect(keys.has(again.packDir), file).toBe(false);
      keys.add(again.packDir);
    }
  });

  it('compiles what the link now leads to (a stale pack is never served)', async () => {
    const { root, outside } = linkedTree('stale');
    const cache = cacheDir('stale');
    const pack = async () => {
      const { packDir, index } = await ensurePacks(root, { cache });
      return loadPack(packDir, index.volets[0]!.file);
    };
    expect((await pack()).patterns.map((pattern) => pattern.id)).toEqual(['p1', 'main']);
    writeFileSync(join(outside, 'include', 'p.sch'), included('p2'));
    expect((await pack()).patterns.map((pattern) => pattern.id)).toEqual(['p2', 'main']);
    writeFileSync(join(outside, 'main.sch'), schema('<pattern id="only"><rule context="cda:title"><assert test="true()">x</assert></rule></pattern>'));
    expect((await pack()).patterns.map((pattern) => pattern.id)).toEqual(['only']);
  });

  it('reads no file outside schematrons/ and jeuxDeValeurs/ (the key would not cover it)', async () => {
    const root = writeTree({
      [MAIN]: schema(`<include href="../infrastructure/p.sch"/>
        <pattern id="main"><rule context="cda:code"><let name="c" value="@code"/><assert test="document('../infrastructure/JDV_C.xml')//svs:Concept[@code=$c]">x</assert></rule></pattern>`),
      'infrastructure/p.sch': included('p1'),
      'infrastructure/JDV_C.xml': valueSet([['C', '1.2.3', 'c']]),
    });
    const { packDir, index } = await ensurePacks(root, { cache: cacheDir('outside') });
    const pack = loadPack(packDir, index.volets[0]!.file);
    expect(pack.patterns.map((pattern) => pattern.id)).toEqual(['main']);
    expect(pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['cisis/compile/include-outside', 'cisis/compile/value-set-missing']);
  });
});

describe('hashing goes through the safe open, whatever stands in the tree', () => {
  it('keys a 3 GiB file by its size without reading it', async () => {
    const root = writeTree({ [MAIN]: volet('x'), 'schematrons/include/p.sch': included('p1'), 'jeuxDeValeurs/JDV_A.xml': valueSet([['A', '1.2.3', 'a']]) });
    const huge = join(root, 'jeuxDeValeurs/ZZ_huge.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 ** 3); // sparse: no disk space used
    const cache = cacheDir('huge');
    const first = await ensurePacks(root, { cache });
    expect(first.compiled).toBe(true);
    truncateSync(huge, 3 * 1024 ** 3 + 1);
    expect((await ensurePacks(root, { cache })).packDir).not.toBe(first.packDir);
  });

  it('lists a FIFO, a broken link and a link loop without hanging, reading or looping', async () => {
    const root = writeTree({ [MAIN]: volet('x'), 'schematrons/include/p.sch': included('p1'), 'jeuxDeValeurs/JDV_A.xml': valueSet([['A', '1.2.3', 'a']]) });
    const fifo = spawnSync('mkfifo', [join(root, 'jeuxDeValeurs/JDV_fifo.xml')]);
    symlinkSync(join(root, 'nowhere.xml'), join(root, 'jeuxDeValeurs/JDV_broken.xml'));
    symlinkSync('..', join(root, 'schematrons/include/loop'));
    const entries = sourceFiles(openTree(root)).map((entry) => `${entry.path} ${entry.kind}`);
    expect(entries).toEqual([
      'jeuxDeValeurs/JDV_A.xml file',
      'jeuxDeValeurs/JDV_broken.xml broken-link',
      ...(fifo.status === 0 ? ['jeuxDeValeurs/JDV_fifo.xml fifo'] : []),
      `${MAIN} file`,
      'schematrons/include/p.sch file',
    ]);
    expect((await ensurePacks(root, { cache: cacheDir('special') })).compiled).toBe(true);
  });
});

describe('Ctrl-C while the packs are written', () => {
  const packCacheModule = pathToFileURL(join(projectRoot, 'dist/cisis/store/pack-cache.js')).href;

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s → no temporary folder left in the cache, exit %i', (signal, code) => {
    const cache = cacheDir(`signal-${signal}`);
    // The signal arrives while the second pack is serialised, inside the temporary folder's life.
    const script = `
      const { writePacks } = await import(${JSON.stringify(packCacheModule)});
      const pack = (volet, toJSON) => ({ volet, toJSON });
      const packs = [pack('A', () => ({ volet: 'A' })), pack('B', () => { process.kill(process.pid, ${JSON.stringify(signal)}); return { volet: 'B' }; })];
      await writePacks(${JSON.stringify(cache)}, 'k', packs, { volets: [] });
      setTimeout(() => process.exit(0), 5000);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(code);
    // Interrupted, not finished: no temporary folder, and no half-written key either.
    expect(readdirSync(cache)).toEqual([]);
  });
});
