// Temporary bundles for e2e tests: copies of the fixtures (symlinks kept as links), edited per test.
import { cpSync, mkdtempSync, readdirSync, lstatSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { projectRoot } from '../helpers/cli.js';

export function tempDir(prefix = 'segur-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function copyFixtureBundle(name: string, into: string): string {
  const target = join(into, name);
  cpSync(join(projectRoot, 'fixtures/bundles', name), target, { recursive: true, verbatimSymlinks: true });
  return target;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every entry under `dir` with its type, size and modification time: equal snapshots = nothing written. */
export function treeSnapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const info = lstatSync(path);
      out.push(`${relative(dir, path)} ${info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : 'file'} ${info.size} ${info.mtimeMs}`);
      if (info.isDirectory() && !info.isSymbolicLink()) walk(path);
    }
  };
  walk(dir);
  out.push(`. ${lstatSync(dir).mtimeMs}`);
  return out;
}
