// `segur batch --resume` and interruptions: unchanged bundles are taken from the cache in --out (no
// report rewritten), one changed file re-checks its bundle only, a changed catalog re-checks every
// bundle that uses it; Ctrl-C leaves every finished bundle complete and listed, no temporary file,
// no extracted deposit, and a cache the next --resume run trusts.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, projectRoot, runCli, segurBin } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function scratch(): string {
  const root = tempDir('segur-resume-');
  dirs.push(root);
  return root;
}

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

interface Entry {
  name: string;
  key: string | null;
  outputs: { path: string; sha256: string | null }[];
}

function entries(out: string): Entry[] {
  const folder = join(out, '.segur-batch/bundles');
  return readdirSync(folder)
    .filter((name) => /^[0-9a-f]{64}\.json$/.test(name)) // not the temporary file of an entry being written
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Entry);
}

/** Entries of bundles whose reports are all written (a pending entry has no key yet). */
function finishedEntries(out: string): Entry[] {
  try {
    return entries(out).filter((entry) => entry.key !== null);
  } catch {
    return []; // an entry being renamed into place
  }
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? allFiles(dir, path) : [path];
  });
}

describe('segur batch --resume', () => {
  it('reuses unchanged bundles, re-checks the one with a changed file, and every bundle when the catalog changes', () => {
    const root = scratch();
    const input = join(root, 'depots');
    const out = join(root, 'rapports');
    mkdirSync(input);
    for (const name of ['a', 'b']) cpSync(join(projectRoot, 'fixtures/bundles/sample-ok'), join(input, name), { recursive: true });
    copyFixtureBundle('cda-wrong-ins-key', input);
    mkdirSync(join(input, 'zips'));
    copyFileSync(join(projectRoot, 'fixtures/batch/depots/editeurB/depot-editeurB.zip'), join(input, 'zips/depot.zip'));
    const catalog = join(root, 'catalogue.yaml');
    copyFileSync(join(projectRoot, 'rem-catalogs/REM-SAMPLE-LGC.yaml'), catalog);
    const batch = (...extra: string[]) => runCli(['batch', input, '--out', out, '--rem', catalog, ...extra]);

    expect(batch().status).toBe(1);
    const first = readFileSync(join(out, 'batch.json'));
    const reportTimes = () => ['a', 'b', 'cda-wrong-ins-key', 'zips/depot.zip'].map((name) => mtime(join(out, name, 'report.json')));
    const before = reportTimes();
    const workbookTime = mtime(join(out, 'batch.xlsx'));

    const unchanged = batch('--resume');
    expect(unchanged.status).toBe(1);
    expect(unchanged.stdout).toContain('4 dossier(s) inchangé(s) repris du contrôle précédent (--resume).');
    expect(readFileSync(join(out, 'batch.json')).equals(first)).toBe(true);
    expect(reportTimes()).toEqual(before);
    expect(mtime(join(out, 'batch.xlsx')), 'batch files rendered again for nothing').toBe(workbookTime);

    appendFileSync(join(input, 'b/proofs/SC.SSI_IE.58.01.01/journal-acces.log'), 'ligne ajoutée\n');
    const oneChanged = batch('--resume');
    expect(oneChanged.stdout).toContain('3 dossier(s) inchangé(s) repris');
    const after = reportTimes();
    expect(after.map((time, index) => time !== before[index])).toEqual([false, true, false, false]);

    appendFileSync(catalog, '# catalogue retouché\n');
    const catalogChanged = batch('--resume');
    expect(catalogChanged.status).toBe(1);
    expect(catalogChanged.stdout).not.toContain('repris');
  });

  // State files are inputs too: each is read through the safe open (regular file, size cap), so a
  // FIFO or a link to /dev/zero planted in --out is ignored like a damaged one, at once (before: a
  // hang on the FIFO, endless reading of /dev/zero). Writing goes through the output policy: the
  // device is written through, the FIFO (no reader) refused with exit 2; neither is replaced.
  it.each([
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path), 0, ''],
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), 2, 'personne ne lit à l’autre bout du tube (ENXIO)'],
  ])('--resume ignores a state file that is %s, at once', (_name, plant, status, said) => {
    const root = scratch();
    const input = join(root, 'depots');
    const out = join(root, 'rapports');
    mkdirSync(input);
    cpSync(join(projectRoot, 'fixtures/bundles/sample-ok'), join(input, 'a'), { recursive: true });
    const batch = () => runCli(['batch', input, '--out', out, '--resume'], { timeout: 20_000 });
    expect(batch().status).toBe(0);
    const [entry] = readdirSync(join(out, '.segur-batch/bundles'));
    const planted = [join(out, '.segur-batch/bundles', entry!), join(out, '.segur-batch/run.json')];
    for (const path of planted) {
      rmSync(path);
      plant(path);
    }
    const again = batch();
    expect(again.status).toBe(status);
    expect(again.stdout).not.toContain('repris');
    expect(again.stderr).toContain(said);
    for (const path of planted) expect(lstatSync(path).isFile(), `${path} replaced`).toBe(false);
  });

  it('leaves finished bundles complete and listed when interrupted, and resumes from them', async () => {
    const root = scratch();
    const input = join(root, 'depots');
    const out = join(root, 'rapports');
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    mkdirSync(input);
    for (let index = 0; index < 24; index += 1) {
      cpSync(join(projectRoot, 'fixtures/bundles/sample-ok'), join(input, `depot-${String(index).padStart(2, '0')}`), { recursive: true });
      copyFileSync(join(projectRoot, 'fixtures/batch/depots/editeurB/depot-editeurB.zip'), join(input, `depot-${String(index).padStart(2, '0')}-zip.zip`));
    }
    const child = spawn(process.execPath, [segurBin, 'batch', input, '--out', out, '--jobs', '1'], { cwd: projectRoot, env: cliEnv({ TMPDIR: tmp }), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as a few bundles are done (their cache entries exist).
    const entryDir = join(out, '.segur-batch/bundles');
    for (let waited = 0; waited < 60_000; waited += 20) {
      if (existsSync(entryDir) && finishedEntries(out).length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    expect(await exited, 'exit code after SIGINT').toBe(130);

    const finished = finishedEntries(out);
    expect(finished.length).toBeGreaterThanOrEqual(3);
    expect(finished.length).toBeLessThan(48);
    for (const entry of finished) {
      for (const output of entry.outputs) {
        expect(createHash('sha256').update(readFileSync(join(out, output.path))).digest('hex'), output.path).toBe(output.sha256);
      }
    }
    expect(allFiles(out).filter((path) => path.endsWith('.tmp')), 'temporary files left in --out').toEqual([]);
    expect(readdirSync(tmp), 'extracted deposits left in TMPDIR').toEqual([]);

    const resumed = runCli(['batch', input, '--out', out, '--jobs', '2', '--resume'], { env: { TMPDIR: tmp } });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`${finished.length} dossier(s) inchangé(s) repris`);
    expect(JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8')).bundles).toHaveLength(48);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
