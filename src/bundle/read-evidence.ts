// Reads one evidence file once: streaming SHA-256 plus the first and last bytes for sniffing.
// Memory stays bounded (one reusable buffer) whatever the file size.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readlink } from 'node:fs/promises';
import { isWithin } from './paths.js';
import type { FileFacts } from './model.js';
import { SNIFF_BYTES, sniff } from './sniff.js';

/** Larger evidence is refused unread: proofs are screenshots, videos and documents, not disk images. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

// O_NOFOLLOW: the path was resolved with realpath just before; a symlink swapped in since then is
// refused. O_NONBLOCK: opening a FIFO planted in the bundle must not hang the run (fstat then says
// it is not a file); it changes nothing for regular files.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Buffers one reader reuses from file to file: memory stays flat whatever the number of files. */
export interface ReadBuffers {
  chunk: Buffer;
  head: Buffer;
  tail: Buffer;
}

export function readBuffers(): ReadBuffers {
  return { chunk: Buffer.allocUnsafe(CHUNK_BYTES), head: Buffer.alloc(SNIFF_BYTES), tail: Buffer.alloc(SNIFF_BYTES) };
}

/**
 * `insideRoot`: when given, the opened file's real path is checked again through /proc (Linux) before
 * any byte is read, so that a folder swapped for a symlink after the path check cannot lead outside.
 */
export async function readEvidence(absolutePath: string, buffers: ReadBuffers = readBuffers(), insideRoot?: string): Promise<FileFacts> {
  let handle;
  try {
    handle = await open(absolutePath, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error);
  }
  try {
    if (insideRoot && !(await openedInside(handle.fd, insideRoot))) return { status: 'symlink-escape' };
    const info = await handle.stat();
    if (!info.isFile()) return { status: 'not-a-file' };
    if (info.size > MAX_EVIDENCE_BYTES) return { status: 'too-large', size: info.size, max: MAX_EVIDENCE_BYTES };
    const expected = info.size;
    const head = buffers.head.subarray(0, Math.min(expected, SNIFF_BYTES)).fill(0);
    const tail = buffers.tail.subarray(0, Math.min(expected, SNIFF_BYTES)).fill(0);
    const buffer = buffers.chunk;
    const tailStart = expected - tail.length;
    const hash = createHash('sha256');
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      copyOverlap(chunk, position, head, 0);
      copyOverlap(chunk, position, tail, tailStart);
      position += bytesRead;
      if (position > MAX_EVIDENCE_BYTES) return { status: 'too-large', size: position, max: MAX_EVIDENCE_BYTES };
    }
    return { status: 'read', absolutePath, size: position, sha256: hash.digest('hex'), sniffed: sniff(head, tail) };
  } catch (error) {
    return openFailure(error);
  } finally {
    await handle.close();
  }
}

async function openedInside(fd: number, root: string): Promise<boolean> {
  try {
    return isWithin(root, await readlink(`/proc/self/fd/${fd}`));
  } catch {
    return true; // no /proc (macOS, Windows): the realpath check before opening stands alone
  }
}

/** Copies the part of `chunk` (which starts at file offset `chunkStart`) that falls into `target` (at `targetStart`). */
function copyOverlap(chunk: Buffer, chunkStart: number, target: Buffer, targetStart: number): void {
  const from = Math.max(chunkStart, targetStart);
  const to = Math.min(chunkStart + chunk.length, targetStart + target.length);
  if (from < to) chunk.copy(target, from - targetStart, from - chunkStart, to - chunkStart);
}

function openFailure(error: unknown): FileFacts {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { status: 'not-found' };
  if (code === 'ELOOP') return { status: 'symlink-escape' };
  if (code === 'EISDIR') return { status: 'not-a-file' };
  return { status: 'unreadable', reason: code ?? String(error) };
}
