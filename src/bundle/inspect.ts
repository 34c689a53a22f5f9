// Reads every distinct evidence file of the bundle once, a few at a time: enough to keep the disk
// busy and both cores hashing, while memory stays at one buffer per file in flight.
import type { FileFacts } from './model.js';
import { resolveInsideBundle, type FolderListings } from './paths.js';
import { readBuffers, readEvidence, type ReadBuffers } from './read-evidence.js';
import { mapConcurrently } from './concurrency.js';
import { MAX_FOLDER_DEPTH, isBeyondFolderDepth } from './collect.js';

export const DEFAULT_CONCURRENCY = 4;

export async function inspectFiles(
  bundleRealRoot: string,
  paths: readonly string[],
  onProgress?: (done: number, total: number) => void,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<Map<string, FileFacts>> {
  const unique = [...new Set(paths)];
  // One set of read buffers per task in flight, reused from file to file.
  const pool: ReadBuffers[] = [];
  // Missing files are looked up by their NFC name in their folder: each folder listed once per run.
  const listings: FolderListings = new Map();
  let done = 0;
  onProgress?.(0, unique.length);
  const facts = await mapConcurrently(unique, concurrency, async (path) => {
    const buffers = pool.pop() ?? readBuffers();
    try {
      return await inspectFile(bundleRealRoot, path, buffers, listings);
    } finally {
      pool.push(buffers);
      done += 1;
      onProgress?.(done, unique.length);
    }
  });
  return new Map(unique.map((path, index) => [path, facts[index]!]));
}

export async function inspectFile(bundleRealRoot: string, path: string, buffers?: ReadBuffers, listings?: FolderListings): Promise<FileFacts> {
  const resolved = await resolveInsideBundle(bundleRealRoot, path, listings);
  if (resolved.ok) {
    const facts = await readEvidence(resolved.absolutePath, buffers, bundleRealRoot);
    return facts.status === 'not-a-file' && isBeyondFolderDepth(path) ? { status: 'folder-too-deep', max: MAX_FOLDER_DEPTH } : facts;
  }
  switch (resolved.problem) {
    case 'path-escape':
      return { status: 'path-escape' };
    case 'symlink-escape':
      return { status: 'symlink-escape' };
    case 'not-found':
      return resolved.nearMatch === undefined ? { status: 'not-found' } : { status: 'not-found', nearMatch: resolved.nearMatch };
    default:
      return { status: 'unreadable', reason: resolved.reason ?? '' };
  }
}
