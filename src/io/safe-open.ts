// The one way segur opens a file it reads: manifest, catalog, `--columns`, REM workbook, evidence,
// artefacts handed to validators. Non-blocking open (a FIFO never hangs the run), no-follow where a
// link must not be followed, the descriptor's own type checked (regular files only: no device, no
// FIFO, no folder), a size cap, and every byte read from the descriptor that was checked — the path
// is never opened again. Reads stop at the cap whatever the file claims (`/proc` files say size 0).
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, readlink, type FileHandle } from 'node:fs/promises';
import { SegurError, describeIoError } from '../errors.js';
import { isWithin } from '../bundle/paths.js';
import { decodeText } from './decode.js';

export type OpenProblem =
  | { kind: 'not-found' }
  | { kind: 'symlink' }
  | { kind: 'outside' }
  | { kind: 'not-a-file'; type: FileType }
  | { kind: 'too-large'; size: number; max: number }
  | { kind: 'unreadable'; reason: string };

export type FileType = 'file' | 'directory' | 'fifo' | 'character-device' | 'block-device' | 'socket' | 'other';

export interface OpenOptions {
  /** false: a symlink at the path itself is refused (ELOOP), not followed. */
  followSymlinks: boolean;
  /** When given, the opened file's real path must lie inside this folder (checked on the descriptor). */
  insideRoot?: string;
  /** Larger files are refused before a byte is read (and reading stops past it anyway). */
  maxBytes: number;
}

export type Opened = { ok: true; handle: FileHandle; size: number } | { ok: false; problem: OpenProblem };

const BASE_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens `path` and checks the descriptor; the caller reads from `handle` and closes it. */
export async function openChecked(path: string, options: OpenOptions): Promise<Opened> {
  const flags = BASE_FLAGS | (options.followSymlinks ? 0 : (constants.O_NOFOLLOW ?? 0));
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    return { ok: false, problem: openFailure(error, options.followSymlinks) };
  }
  try {
    if (options.insideRoot !== undefined && !(await descriptorInside(handle.fd, options.insideRoot))) {
      await handle.close();
      return { ok: false, problem: { kind: 'outside' } };
    }
    const info = await handle.stat();
    const type = fileType(info);
    if (type !== 'file') {
      await handle.close();
      return { ok: false, problem: { kind: 'not-a-file', type } };
    }
    if (info.size > options.maxBytes) {
      await handle.close();
      return { ok: false, problem: { kind: 'too-large', size: info.size, max: options.maxBytes } };
    }
    return { ok: true, handle, size: info.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return { ok: false, problem: { kind: 'unreadable', reason: describeIoError(error) } };
  }
}

export type ReadOutcome = { ok: true; bytes: Buffer; sha256: string } | { ok: false; problem: OpenProblem };

/**
 * Reads a whole file through `openChecked`, at most `maxBytes` (a file that grows past the cap
 * while read is refused as too large), with its SHA-256.
 */
export async function readChecked(path: string, options: OpenOptions): Promise<ReadOutcome> {
  const opened = await openChecked(path, options);
  if (!opened.ok) return opened;
  const { handle } = opened;
  try {
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let total = 0;
    const chunkSize = Math.min(Math.max(opened.size, 64 * 1024), 1024 * 1024);
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) return { ok: false, problem: { kind: 'too-large', size: total, max: options.maxBytes } };
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      chunks.push(chunk);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), sha256: hash.digest('hex') };
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', reason: describeIoError(error) } };
  } finally {
    await handle.close();
  }
}

/**
 * `readChecked` for synchronous callers (the CI-SIS compiler walks a tree of a few hundred small
 * files): same checks on the descriptor, same cap, no hash.
 */
export function readCheckedSync(path: string, options: Omit<OpenOptions, 'insideRoot'>): { ok: true; bytes: Buffer } | { ok: false; problem: OpenProblem } {
  const chunks: Buffer[] = [];
  const outcome = streamCheckedSync(path, options, (chunk) => chunks.push(Buffer.from(chunk)));
  return outcome.ok ? { ok: true, bytes: Buffer.concat(chunks, outcome.size) } : outcome;
}

/**
 * The SHA-256 (hex) of a file, streamed through the same checks as `readCheckedSync` (regular file,
 * size cap on the descriptor and while reading): memory stays at one chunk whatever the file's size.
 */
export function hashCheckedSync(path: string, options: Omit<OpenOptions, 'insideRoot'>): { ok: true; sha256: string; size: number } | { ok: false; problem: OpenProblem } {
  const hash = createHash('sha256');
  const outcome = streamCheckedSync(path, options, (chunk) => hash.update(chunk));
  return outcome.ok ? { ok: true, sha256: hash.digest('hex'), size: outcome.size } : outcome;
}

/** Opens and checks `path`, then hands its bytes to `onChunk` chunk by chunk (the chunk is reused: copy what you keep). */
function streamCheckedSync(path: string, options: Omit<OpenOptions, 'insideRoot'>, onChunk: (chunk: Buffer) => void): { ok: true; size: number } | { ok: false; problem: OpenProblem } {
  let fd: number;
  try {
    fd = openSync(path, BASE_FLAGS | (options.followSymlinks ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch (error) {
    return { ok: false, problem: openFailure(error, options.followSymlinks) };
  }
  try {
    const info = fstatSync(fd);
    const type = fileType(info);
    if (type !== 'file') return { ok: false, problem: { kind: 'not-a-file', type } };
    if (info.size > options.maxBytes) return { ok: false, problem: { kind: 'too-large', size: info.size, max: options.maxBytes } };
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(info.size, 64 * 1024), 1024 * 1024));
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) return { ok: false, problem: { kind: 'too-large', size: total, max: options.maxBytes } };
      onChunk(buffer.subarray(0, bytesRead));
    }
    return { ok: true, size: total };
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', reason: describeIoError(error) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an input the run cannot do without (manifest, catalog, `--columns`, workbook): any problem
 * is a SegurError (exit 2) naming the file. Links are followed (users point at their files as they
 * like), but only to a regular file.
 */
export async function readRunInput(path: string, maxBytes: number): Promise<Buffer> {
  const outcome = await readChecked(path, { followSymlinks: true, maxBytes });
  if (outcome.ok) return outcome.bytes;
  throw inputError(path, outcome.problem);
}

export function inputError(file: string, problem: OpenProblem): SegurError {
  switch (problem.kind) {
    case 'not-found':
      return new SegurError('io/input-not-found', { file });
    case 'not-a-file':
      return new SegurError(NOT_A_FILE_CODES[problem.type], { file });
    case 'too-large':
      return new SegurError('io/input-too-large', { file, size: problem.size, max: problem.max });
    case 'symlink':
    case 'outside':
      return new SegurError('io/input-outside', { file });
    case 'unreadable':
      return new SegurError('io/input-unreadable', { file, reason: problem.reason });
  }
}

const NOT_A_FILE_CODES: Record<FileType, string> = {
  file: 'io/input-special',
  directory: 'io/input-directory',
  fifo: 'io/input-fifo',
  'character-device': 'io/input-device',
  'block-device': 'io/input-device',
  socket: 'io/input-special',
  other: 'io/input-special',
};

/**
 * Reads a text input the run cannot do without (manifest, catalog, column map) and decodes it
 * strictly (io/decode.ts): BOM honoured, UTF-8 otherwise; an invalid byte is exit 2 naming the file,
 * line and column.
 */
export async function readRunTextInput(path: string, maxBytes: number, displayPath = path): Promise<string> {
  const outcome = await readChecked(path, { followSymlinks: true, maxBytes });
  if (!outcome.ok) throw inputError(displayPath, outcome.problem);
  return decodeRunInput(outcome.bytes, displayPath);
}

export function decodeRunInput(bytes: Uint8Array, displayPath: string): string {
  const decoded = decodeText(bytes, { xml: false });
  if (decoded.ok) return decoded.text;
  const { problem } = decoded;
  if (problem.kind === 'unknown-encoding') throw new SegurError('io/input-unknown-encoding', { file: displayPath, encoding: problem.declared });
  throw new SegurError('io/input-invalid-bytes', {
    file: displayPath,
    line: problem.line,
    column: problem.column,
    encoding: problem.encoding.toUpperCase(),
    offset: problem.byteOffset,
  });
}

export function fileType(info: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): FileType {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice()) return 'character-device';
  if (info.isBlockDevice()) return 'block-device';
  if (info.isSocket()) return 'socket';
  return 'other';
}

/** The descriptor's real path (Linux /proc) lies inside `root`; true where /proc is absent. */
async function descriptorInside(fd: number, root: string): Promise<boolean> {
  try {
    return isWithin(root, await readlink(`/proc/self/fd/${fd}`));
  } catch {
    return true; // no /proc (macOS, Windows): the caller's realpath check before opening stands alone
  }
}

function openFailure(error: unknown, followSymlinks: boolean): OpenProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found' };
  if (code === 'ELOOP' && !followSymlinks) return { kind: 'symlink' };
  if (code === 'EISDIR') return { kind: 'not-a-file', type: 'directory' };
  if (code === 'ENXIO') return { kind: 'not-a-file', type: 'socket' };
  return { kind: 'unreadable', reason: describeIoError(error) };
}
