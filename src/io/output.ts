// Where segur writes its outputs (reports, checklists, catalogs, batch files), decided before the
// run and written as one set:
// - a missing path or a regular file: written atomically (temporary file beside it, then rename),
//   so an interrupted run never leaves a half file and never replaces a file with a partial one;
// - a device (`/dev/null`, `/dev/full`, a terminal), a FIFO, or the process's own standard streams
//   (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`): written through — never replaced by a regular
//   file — and a write error (ENOSPC on /dev/full, no reader on a FIFO) is an exit-2 error;
// - a symbolic link: followed only to a regular file (or a missing one) outside every evidence
//   bundle, which is then written atomically in place (the link stays); anything else is refused.
// When one output of the set fails, the temporary files of the others are removed: nothing of the
// set replaces anything.
import { randomBytes } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import { lstat, open, readlink, realpath, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';
import { isWithin } from '../bundle/paths.js';
import { removeOnInterrupt } from './cleanup.js';

export type OutputTarget =
  /** `path` is the file finally written (a link's target when the user named a link). */
  | { kind: 'file'; shownPath: string; path: string }
  /** Written through an open descriptor: a device, a FIFO, or one of this process's descriptors. */
  | { kind: 'stream'; shownPath: string; path: string; fd?: number };

export interface PrepareOptions {
  /** Real paths of evidence bundles: no output may land inside one (the bundle is never written to). */
  bundleRoots?: readonly string[];
}

const OWN_DESCRIPTOR = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/;
const OWN_STREAMS: Record<string, number> = { '/dev/stdout': 1, '/dev/stderr': 2 };

/** Checks where `path` leads and returns how to write it; a target that must not be written is exit 2. */
export async function prepareOutput(path: string, options: PrepareOptions = {}): Promise<OutputTarget> {
  const absolute = resolve(path);
  const own = OWN_STREAMS[absolute] ?? descriptorNumber(absolute);
  if (own !== undefined) return { kind: 'stream', shownPath: path, path: absolute, fd: own };
  let info;
  try {
    info = await lstat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw notWritable(path, error);
    return newFileTarget(path, absolute, options);
  }
  if (info.isSymbolicLink()) return linkTarget(path, absolute, options);
  // Its real path, not the one written: a folder on the way may be a link into a bundle.
  if (info.isFile()) return fileTarget(path, absolute, await realpath(absolute), options);
  if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', shownPath: path, path: absolute };
  throw new SegurError(info.isDirectory() ? 'io/output-directory' : 'io/output-special', { file: path });
}

function descriptorNumber(absolute: string): number | undefined {
  const match = OWN_DESCRIPTOR.exec(absolute);
  return match ? Number(match[1]) : undefined;
}

async function newFileTarget(shown: string, absolute: string, options: PrepareOptions): Promise<OutputTarget> {
  let folder: string;
  try {
    folder = await realpath(dirname(absolute));
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw notWritable(shown, error);
  }
  return fileTarget(shown, absolute, join(folder, basename(absolute)), options);
}

function fileTarget(shown: string, path: string, real: string, options: PrepareOptions): OutputTarget {
  for (const root of options.bundleRoots ?? []) {
    if (isWithin(root, real)) throw new SegurError('check/output-inside-bundle', { file: shown, dir: root });
  }
  return { kind: 'file', shownPath: shown, path };
}

/** A link: own descriptors and devices are written through; a regular file outside bundles in place. */
async function linkTarget(shown: string, absolute: string, options: PrepareOptions): Promise<OutputTarget> {
  const first = resolve(dirname(absolute), await readlink(absolute));
  const own = OWN_STREAMS[first] ?? descriptorNumber(first);
  if (own !== undefined) return { kind: 'stream', shownPath: shown, path: first, fd: own };
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SegurError('io/output-dangling-link', { file: shown });
    throw notWritable(shown, error);
  }
  const info = await stat(real);
  if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', shownPath: shown, path: real };
  if (!info.isFile()) throw new SegurError('io/output-special', { file: shown });
  return fileTarget(shown, real, real, options);
}

function notWritable(file: string, error: unknown): SegurError {
  return new SegurError('io/output-not-writable', { file, reason: describeIoError(error) }, { cause: error });
}

export interface OutputItem {
  target: OutputTarget;
  data: string | Uint8Array;
}

/**
 * Writes a prepared set: every file target to a temporary file first, then the streams, then the
 * renames. A failure removes the temporary files not yet renamed and is an exit-2 error.
 */
export async function writeOutputSet(items: readonly OutputItem[]): Promise<void> {
  const staged: { temporary: string; target: OutputTarget; forget: () => void }[] = [];
  try {
    for (const item of items) {
      if (item.target.kind !== 'file') continue;
      const temporary = join(dirname(item.target.path), `.${basename(item.target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const forget = removeOnInterrupt(temporary);
      staged.push({ temporary, target: item.target, forget });
      try {
        await writeFile(temporary, item.data, { flag: 'wx' });
      } catch (error) {
        throw notWritable(item.target.shownPath, error);
      }
    }
    for (const item of items) {
      if (item.target.kind === 'stream') await writeThrough(item.target, item.data);
    }
    while (staged.length > 0) {
      const next = staged[0]!;
      await refuseIfReplaced(next.target);
      try {
        await rename(next.temporary, next.target.path);
      } catch (error) {
        throw notWritable(next.target.shownPath, error);
      }
      next.forget();
      staged.shift();
    }
  } finally {
    for (const { temporary, forget } of staged) {
      await unlink(temporary).catch(() => undefined);
      forget();
    }
  }
}

/**
 * A target checked as a regular file (or as missing) before the run may have been replaced since by
 * a link, a FIFO or a device: renaming over it would then replace that. Checked again just before.
 */
async function refuseIfReplaced(target: OutputTarget): Promise<void> {
  const info = await lstat(target.path).catch(() => undefined);
  if (info && !info.isFile()) throw new SegurError('io/output-replaced', { file: target.shownPath });
}

/** One output on its own (catalog import, checklist): the same rules, a set of one. */
export async function writeOutputFile(path: string, data: string | Uint8Array, options: PrepareOptions = {}): Promise<void> {
  await writeOutputSet([{ target: await prepareOutput(path, options), data }]);
}

async function writeThrough(target: Extract<OutputTarget, { kind: 'stream' }>, data: string | Uint8Array): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    if (target.fd !== undefined) {
      await writeToDescriptor(target.fd, data);
      return;
    }
    handle = await openForWriteThrough(target.path);
    await handle.writeFile(data);
  } catch (error) {
    if (error instanceof SegurError) throw error;
    throw notWritable(target.shownPath, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * A FIFO opened for writing blocks until a reader comes: opened non-blocking first, which fails at
 * once (ENXIO) when nobody reads — an error, not a hang — then normally once a reader is known.
 */
async function openForWriteThrough(path: string): Promise<FileHandle> {
  const info = await stat(path);
  if (info.isFIFO()) {
    const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      return await open(path, constants.O_WRONLY);
    } finally {
      await probe.close();
    }
  }
  return open(path, constants.O_WRONLY | constants.O_APPEND);
}

async function writeToDescriptor(fd: number, data: string | Uint8Array): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  if (stream) return new Promise((done, fail) => stream.write(data, (error) => (error ? fail(error) : done())));
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}
