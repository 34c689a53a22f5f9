// The SHA-256 of everything a bundle's check reads from its folder: every entry under it (relative
// path and type; a file's bytes, a link's target text — a link is never followed), or a zipped
// deposit's bytes. Equal digests = the check would see the same bundle (segur batch --resume).
// Bounded: past the caps below the bundle has no digest, and is simply checked again every time.
import { createHash, type Hash } from 'node:crypto';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { openChecked } from '../io/safe-open.js';
import { byCodePoint } from './find-bundles.js';

export const DIGEST_LIMITS = { maxEntries: 100_000, maxDepth: 64 };

const CHUNK = 1024 * 1024;
const NO_SIZE_CAP = Number.MAX_SAFE_INTEGER;

/** Hex digest, or undefined when the bundle cannot be fully read or is past the caps. */
export async function bundleDigest(source: { kind: 'folder'; dir: string } | { kind: 'zip'; file: string }): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    if (source.kind === 'zip') {
      hash.update('zip\0');
      return (await hashFile(source.file, hash)) === undefined ? undefined : hash.digest('hex');
    }
    const counter = { entries: 0 };
    return (await hashFolder(source.dir, '', 0, hash, counter)) ? hash.digest('hex') : undefined;
  } catch {
    return undefined;
  }
}

async function hashFolder(root: string, relative: string, depth: number, hash: Hash, counter: { entries: number }): Promise<boolean> {
  if (depth > DIGEST_LIMITS.maxDepth) return false;
  const names = (await readdir(join(root, relative))).sort(byCodePoint);
  for (const name of names) {
    if (++counter.entries > DIGEST_LIMITS.maxEntries) return false;
    const path = relative === '' ? name : `${relative}/${name}`;
    const info = await lstat(join(root, path));
    // Length-prefixed fields: no two different trees hash the same bytes.
    const field = (tag: string, value: string): void => void hash.update(`${tag}${Buffer.byteLength(value)}:${value}\0`);
    if (info.isSymbolicLink()) field('l', `${path}\0${await readlink(join(root, path))}`);
    else if (info.isDirectory()) {
      field('d', path);
      if (!(await hashFolder(root, path, depth + 1, hash, counter))) return false;
    } else if (info.isFile()) {
      field('f', path);
      const size = await hashFile(join(root, path), hash);
      if (size === undefined) return false;
      hash.update(`\0${size}\0`);
    } else field('o', path); // FIFO, device, socket: the check refuses it without reading, so do we
  }
  return true;
}

/** Streams the file's bytes into `hash` through the safe open (no link, no FIFO); their count, or undefined. */
async function hashFile(path: string, hash: Hash, followSymlinks = false): Promise<number | undefined> {
  const opened = await openChecked(path, { followSymlinks, maxBytes: NO_SIZE_CAP });
  if (!opened.ok) return undefined;
  const { handle } = opened;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return position;
  } finally {
    await handle.close();
  }
}

/** SHA-256 of one file (a catalog: a link to it is followed, as when it is read), or undefined when it cannot be read. */
export async function fileDigest(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    return (await hashFile(path, hash, true)) === undefined ? undefined : hash.digest('hex');
  } catch {
    return undefined;
  }
}
