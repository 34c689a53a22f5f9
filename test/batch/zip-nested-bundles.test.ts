// A bundle filed inside a zipped deposit is a bundle of its own, as inside a deposited folder
// (find-bundles.ts): found, checked and listed as `depot.zip/inner` — never passed over in silence.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot, runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';
import { writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const SAMPLE = join(projectRoot, 'fixtures/bundles/sample-ok');

/** sample-ok's files under `prefix`, without the proofs of `drop` (an incomplete requirement: the gate fails). */
function sampleEntries(prefix: string, drop?: string): ZipEntryInput[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(SAMPLE)
    .map((file) => relative(SAMPLE, file).split('\\').join('/'))
    .filter((name) => drop === undefined || !name.startsWith(`proofs/${drop}/`))
    .sort()
    .map((name) => ({ name: `${prefix}${name}`, data: readFileSync(join(SAMPLE, name)) }));
}

function batchOf(entries: ZipEntryInput[]): { status: number; stdout: string; bundles: { name: string; status: string }[] } {
  const root = tempDir('segur-zip-nested-');
  dirs.push(root);
  mkdirSync(join(root, 'lot'));
  writeFileSync(join(root, 'lot/depot.zip'), writeZip(entries));
  const run = runCli(['batch', 'lot', '--out', 'out'], { cwd: root });
  const json = JSON.parse(readFileSync(join(root, 'out/batch.json'), 'utf8')) as { bundles: { name: string; status: string }[] };
  return { status: run.status, stdout: run.stdout, bundles: json.bundles.map(({ name, status }) => ({ name, status })) };
}

describe('segur batch: bundles nested in a zipped deposit', () => {
  it('checks a failing bundle filed inside a passing zipped deposit (exit 1, row depot.zip/inner)', () => {
    const run = batchOf([...sampleEntries(''), ...sampleEntries('inner/', 'INS_va1.02.02.01')]);
    expect(run.bundles).toEqual([
      { name: 'depot.zip', status: 'pass' },
      { name: 'depot.zip/inner', status: 'fail' },
    ]);
    expect(run.stdout).toMatch(/^ {2}depot\.zip\/inner +échoué /m);
    expect(run.status).toBe(1);
  });

  it('names nested bundles from the bundle folder of a zipped folder, at any depth', () => {
    const run = batchOf([...sampleEntries('depot/'), ...sampleEntries('depot/proofs/x/inner/'), ...sampleEntries('depot/proofs/x/inner/deeper/', 'INS_va1.02.02.01')]);
    expect(run.bundles).toEqual([
      { name: 'depot.zip', status: 'pass' },
      { name: 'depot.zip/proofs/x/inner', status: 'pass' },
      { name: 'depot.zip/proofs/x/inner/deeper', status: 'fail' },
    ]);
    expect(run.status).toBe(1);
  });

  it('still passes a zipped deposit with no bundle inside it (one row)', () => {
    const run = batchOf(sampleEntries(''));
    expect(run.bundles).toEqual([{ name: 'depot.zip', status: 'pass' }]);
    expect(run.status).toBe(0);
  });
});
