// A batch folder holds one evidence bundle per sub-folder (a folder with a segur.yaml).
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';
import { MANIFEST_FILE } from '../bundle/manifest-schema.js';

export interface BatchBundle {
  /** Folder name, also the name of its report folder. */
  name: string;
  dir: string;
}

/** Sub-folders of `dir` holding a manifest, by name (code-point order, so the same on every machine). */
export async function findBundles(dir: string): Promise<BatchBundle[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new SegurError('batch/dir-unreadable', { dir, reason: describeIoError(error) }, { cause: error });
  }
  const bundles: BatchBundle[] = [];
  for (const name of names.sort(byCodePoint)) {
    const bundleDir = join(dir, name);
    // Symlinked folders are skipped: a batch reviews what was deposited, not what a link points at.
    if (!(await isRealDirectory(bundleDir)) || !(await isRealFile(join(bundleDir, MANIFEST_FILE)))) continue;
    bundles.push({ name, dir: bundleDir });
  }
  if (bundles.length === 0) throw new SegurError('batch/no-bundle', { dir, manifest: MANIFEST_FILE });
  return bundles;
}

async function isRealDirectory(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isRealFile(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isFile() ?? false;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
