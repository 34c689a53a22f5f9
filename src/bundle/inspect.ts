// Reads every distinct evidence file of the bundle once, a few at a time: enough to keep the disk
// busy and both cores hashing, while memory stays at one buffer per file in flight.
import type { FileFacts } from './model.js';
import { resolveInsideBundle } from './paths.js';
import { readEvidence } from './read-evidence.js';

export const DEFAULT_CONCURRENCY = 4;

export async function inspectFiles(
  bundleRealRoot: string,
  paths: readonly string[],
  onProgress?: (done: number, total: number) => void,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<Map<string, FileFacts>> {
  const unique = [...new Set(paths)];
  const facts = new Map<string, FileFacts>();
  let next = 0;
  let done = 0;
  onProgress?.(0, unique.length);
  const worker = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    while (next < unique.length) {
      const path = unique[next++]!;
      facts.set(path, await inspectFile(bundleRealRoot, path, buffer));
      done += 1;
      onProgress?.(done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return facts;
}

export async function inspectFile(bundleRealRoot: string, path: string, buffer?: Buffer): Promise<FileFacts> {
  const resolved = await resolveInsideBundle(bundleRealRoot, path);
  if (resolved.ok) return readEvidence(resolved.absolutePath, buffer, bundleRealRoot);
  switch (resolved.problem) {
    case 'path-escape':
      return { status: 'path-escape' };
    case 'symlink-escape':
      return { status: 'symlink-escape' };
    case 'not-found':
      return { status: 'not-found' };
    default:
      return { status: 'unreadable', reason: resolved.reason ?? '' };
  }
}
