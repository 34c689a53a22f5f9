// Reads one evidence file once, through the one safe open (io/safe-open.ts): streaming SHA-256,
// then the kind detector (sniff.ts) reading from the same descriptor. Memory stays bounded (one
// reusable buffer) whatever the file size.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { openChecked, type OpenProblem } from '../io/safe-open.js';
import type { FileFacts } from './model.js';
import { SNIFF_BYTES, sniff, type SniffSource } from './sniff.js';

/** Larger evidence is refused unread: proofs are screenshots, videos and documents, not disk images. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** Buffers one reader reuses from file to file: memory stays flat whatever the number of files. */
export interface ReadBuffers {
  chunk: Buffer;
  head: Buffer;
}

export function readBuffers(): ReadBuffers {
  return { chunk: Buffer.allocUnsafe(CHUNK_BYTES), head: Buffer.alloc(SNIFF_BYTES) };
}

/**
 * `insideRoot`: when given (bundle evidence), a link at the path is not followed and the opened
 * file's real path must lie inside that folder — checked on the descriptor before any byte is read,
 * so that a folder swapped for a symlink after the path check cannot lead outside.
 */
export async function readEvidence(absolutePath: string, buffers: ReadBuffers = readBuffers(), insideRoot?: string): Promise<FileFacts> {
  const opened = await openChecked(absolutePath, {
    followSymlinks: false,
    maxBytes: MAX_EVIDENCE_BYTES,
    ...(insideRoot !== undefined ? { insideRoot } : {}),
  });
  if (!opened.ok) return openFailure(opened.problem);
  const { handle } = opened;
  try {
    const head = buffers.head.subarray(0, Math.min(opened.size, SNIFF_BYTES)).fill(0);
    const buffer = buffers.chunk;
    const hash = createHash('sha256');
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      if (position < head.length) chunk.copy(head, position, 0, Math.min(bytesRead, head.length - position));
      position += bytesRead;
      if (position > MAX_EVIDENCE_BYTES) return { status: 'too-large', size: position, max: MAX_EVIDENCE_BYTES };
    }
    const sniffed = await sniff(handleSource(handle, position, head.subarray(0, Math.min(position, head.length))));
    return { status: 'read', absolutePath, size: position, sha256: hash.digest('hex'), sniffed };
  } catch (error) {
    return { status: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    await handle.close();
  }
}

/** The sniffer reads from the descriptor that was hashed, never from the path again. */
export function handleSource(handle: FileHandle, size: number, head: Buffer): SniffSource {
  return {
    size,
    head,
    async read(position, length) {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    },
    zip: () => handle.fd,
  };
}

function openFailure(problem: OpenProblem): FileFacts {
  switch (problem.kind) {
    case 'not-found':
      return { status: 'not-found' };
    case 'symlink':
    case 'outside':
      return { status: 'symlink-escape' };
    case 'not-a-file':
      return { status: 'not-a-file' };
    case 'too-large':
      return { status: 'too-large', size: problem.size, max: problem.max };
    case 'unreadable':
      return { status: 'unreadable', reason: problem.reason };
  }
}
