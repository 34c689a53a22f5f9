// Folders under `--out`, made one level at a time.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';

/**
 * Creates `relative` (POSIX) under `base`, and `base` itself, one level at a time: a recursive mkdir
 * spins forever where a level can never be made (Node 20 under `/proc`), this ends in exit 2.
 */
export async function makeFolders(base: string, relative = '.'): Promise<void> {
  const levels: string[] = [];
  for (let current = resolve(base); ; current = dirname(current)) {
    if (await isFolder(current)) break;
    levels.unshift(current);
    if (dirname(current) === current) break;
  }
  if (relative !== '.' && relative !== '') {
    const parts = relative.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) levels.push(join(resolve(base), ...parts.slice(0, depth)));
  }
  for (const level of levels) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await isFolder(level))) continue;
      throw new SegurError('io/output-not-writable', { file: level, reason: describeIoError(error) }, { cause: error });
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
