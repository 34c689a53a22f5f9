// Evidence paths come from an untrusted manifest and an untrusted folder tree: each one is
// checked to stay inside the bundle before anything is read (docs/product.md).
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, sep, win32 } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';

export type PathProblem = 'path-escape' | 'symlink-escape' | 'not-found' | 'unreadable';

export type ResolvedPath = { ok: true; absolutePath: string } | { ok: false; problem: PathProblem; reason?: string };

/**
 * Resolves `relative` (as written in the manifest, or found under proofs/) against the bundle's real
 * root. Refuses absolute paths, `..` segments and NUL bytes without touching the disk, then follows
 * symlinks and refuses any real path outside the bundle.
 */
export async function resolveInsideBundle(bundleRealRoot: string, relative: string): Promise<ResolvedPath> {
  if (!isLexicallyInside(relative)) return { ok: false, problem: 'path-escape' };
  let real: string;
  try {
    real = await realpath(join(bundleRealRoot, relative));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'not-found' };
    if (code === 'ELOOP') return { ok: false, problem: 'symlink-escape' };
    return { ok: false, problem: 'unreadable', reason: code ?? String(error) };
  }
  if (!isWithin(bundleRealRoot, real)) return { ok: false, problem: 'symlink-escape' };
  return { ok: true, absolutePath: real };
}

/** No NUL, not absolute in POSIX or Windows terms, no `..` segment (with either separator). */
export function isLexicallyInside(relative: string): boolean {
  if (relative.length === 0 || relative.includes('\0')) return false;
  if (isAbsolute(relative) || win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return false;
  return !relative.split(/[\\/]/).includes('..');
}

export function isWithin(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The display and identity form of an evidence path: POSIX separators, no `./`. */
export function bundlePath(relative: string): string {
  const normalised = posix.normalize(relative.replace(/\\/g, '/'));
  return normalised.startsWith('./') ? normalised.slice(2) : normalised;
}

/** REM ids contain `/`: the proof folder replaces it by `_` (`INS/va1.01.01.01` → `INS_va1.01.01.01`). */
export function proofFolderName(proofId: string): string {
  return proofId.replaceAll('/', '_');
}

export const PROOFS_DIR = 'proofs';

/** The bundle folder's real path (symlinks resolved), or exit 2 when it is not a readable folder. */
export async function realBundleRoot(bundleDir: string): Promise<string> {
  try {
    const info = await stat(bundleDir);
    if (!info.isDirectory()) throw new SegurError('bundle/not-a-directory', { dir: bundleDir, reason: 'ENOTDIR' });
    return await realpath(bundleDir);
  } catch (error) {
    if (error instanceof SegurError) throw error;
    throw new SegurError('bundle/not-a-directory', { dir: bundleDir, reason: describeIoError(error) }, { cause: error });
  }
}
