// The SHA-256 of everything a bundle's check reads from its folder: every entry under it (relative
// path and type; a file's bytes, a link's target text — a link is never followed), or a zipped
// deposit's bytes. Equal digests = the check would see the same bundle (segur batch --resume).
// Bounded: past the caps below the bundle has no digest, and is simply checked again every time.
import { createHash } from 'node:crypto';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrently } from '../bundle/concurrency.js';
import { openChecked } from '../io/safe-open.js';
import { byCodePoint } from './find-bundles.js';

export const DIGEST_LIMITS = { maxEntries: 100_000, maxDepth: 64 };

const CHUNK = 1024 * 1024;
const NO_SIZE_CAP = Number.MAX_SAFE_INTEGER;
/** Files hashed at once: small files cost more in round trips to the file system than in hashing. */
const FILES_AT_ONCE = 8;

type TreeEntry = { path: string; type: 'file' | 'folder' | 'other' } | { path: string; type: 'link'; target: string };

/** Hex digest, or undefined when the bundle cannot be fully read or is past the caps. */
export async function bundleDigest(source: { kind: 'folder'; dir: string } | { kind: 'zip'; file: string }): Promise<string | undefined> {
  try {
    if (source.kind === 'zip') {
      const file = await fileSha256(source.file, false);
      return file && createHash('sha256').update(`zip\0${file.sha256}\0${file.size}`).digest('hex');
    }
    const entries: TreeEntry[] = [];
    if (!(await listTree(source.dir, '', 0, entries))) return undefined;
    const files = await mapConcurrently(entries, FILES_AT_ONCE, async (entry) => (entry.type === 'file' ? fileSha256(join(source.dir, entry.path), false) : undefined));
    const hash = createHash('sha256');
    // Length-prefixed fields: no two different trees hash the same bytes.
    const field = (tag: string, value: string): void => void hash.update(`${tag}${Buffer.byteLength(value)}:${value}\0`);
    for (const [index, entry] of entries.entries()) {
      if (entry.type === 'link') field('l', `${entry.path}\0${entry.target}`);
      else if (entry.type === 'folder') field('d', entry.path);
      else if (entry.type === 'other') field('o', entry.path); // FIFO, device, socket: the check refuses it without reading, so do we
      else {
        const file = files[index];
        if (!file) return undefined;
        field('f', `${entry.path}\0${file.sha256}\0${file.size}`);
      }
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

async function listTree(root: string, relative: string, depth: number, into: TreeEntry[]): Promise<boolean> {
  if (depth > DIGEST_LIMITS.maxDepth) return false;
  for (const name of (await readdir(join(root, relative))).sort(byCodePoint)) {
    if (into.length >= DIGEST_LIMITS.maxEntries) return false;
    const path = relative === '' ? name : `${relative}/${name}`;
    const info = await lstat(join(root, path));
    if (info.isSymbolicLink()) into.push({ path, type: 'link', target: await readlink(join(root, path)) });
    else if (info.isDirectory()) {
      into.push({ path, type: 'folder' });
      if (!(await listTree(root, path, depth + 1, into))) return false;
    } else into.push({ path, type: info.isFile() ? 'file' : 'other' });
  }
  return true;
}

/** SHA-256 and size of a file read through the safe open (no FIFO; a link only when asked), or undefined. */
async function fileSha256(path: string, followSymlinks: boolean): Promise<{ sha256: string; size: number } | undefined> {
  const opened = await openChecked(path, { followSymlinks, maxBytes: NO_SIZE_CAP });
  if (!opened.ok) return undefined;
  const { handle } = opened;
  try {
    const hash = createHash('sha256');
    // Sized to the file: most evidence files are small, and a 1 MiB buffer per file is GC churn.
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, opened.size + 1)));
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}

/** SHA-256 of one file (a catalog: a link to it is followed, as when it is read), or undefined when it cannot be read. */
export async function fileDigest(path: string): Promise<string | undefined> {
  try {
    return (await fileSha256(path, true))?.sha256;
  } catch {
    return undefined;
  }
}
