// Evidence paths come from an untrusted manifest and an untrusted folder tree: each one is
// checked to stay inside the bundle before anything is read (docs/product.md).
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, resolve, sep, win32 } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';

export type PathProblem = 'path-escape' | 'symlink-escape' | 'not-found' | 'unreadable';

export type ResolvedPath =
  | { ok: true; absolutePath: string }
  /** `nearMatch`: a file that differs from the path asked only by letter case (bundle-relative). */
  | { ok: false; problem: PathProblem; reason?: string; nearMatch?: string };

/**
 * Resolves `relative` (as written in the manifest, or found under proofs/) against the bundle's real
 * root. Refuses absolute paths, `..` segments and NUL bytes without touching the disk, then follows
 * symlinks and refuses any real path outside the bundle.
 */
/** Folder listings read while resolving names written otherwise (one per folder per run). */
export type FolderListings = Map<string, Promise<string[] | undefined>>;

export async function resolveInsideBundle(bundleRealRoot: string, relative: string, listings: FolderListings = new Map()): Promise<ResolvedPath> {
  if (!isLexicallyInside(relative)) return { ok: false, problem: 'path-escape' };
  let real: string;
  try {
    real = await realpath(join(bundleRealRoot, relative));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A link leading outside is an escape whether or not its target exists: saying "not found"
      // for one and "escape" for the other would tell what exists outside the bundle.
      if (await leavesThroughLink(bundleRealRoot, relative)) return { ok: false, problem: 'symlink-escape' };
      return resolveWrittenOtherwise(bundleRealRoot, relative, listings);
    }
    if (code === 'ELOOP') return { ok: false, problem: 'symlink-escape' };
    return { ok: false, problem: 'unreadable', reason: code ?? String(error) };
  }
  if (!isWithin(bundleRealRoot, real)) return { ok: false, problem: 'symlink-escape' };
  return { ok: true, absolutePath: real };
}

/** Whether following `relative` segment by segment meets a symbolic link whose target lies outside. */
async function leavesThroughLink(bundleRealRoot: string, relative: string): Promise<boolean> {
  let current = bundleRealRoot;
  const pending = bundlePath(relative).split('/');
  for (let hops = 0; pending.length > 0 && hops < 64; ) {
    const next = join(current, pending.shift()!);
    let info;
    try {
      info = await lstat(next);
    } catch {
      return false;
    }
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    hops++;
    const target = resolve(current, await readlink(next));
    if (!isWithin(bundleRealRoot, target)) return true;
    pending.unshift(...relativeSegments(bundleRealRoot, target));
    current = bundleRealRoot;
  }
  return false;
}

function relativeSegments(root: string, inside: string): string[] {
  return inside === root ? [] : inside.slice(root.length + 1).split(sep);
}

/**
 * The same name can be stored in two Unicode forms: macOS writes file names decomposed (NFD: `e` +
 * U+0301), while a manifest typed elsewhere holds them composed (NFC: `é`). Such a path is the same
 * file: each missing segment is looked up in its folder by NFC form. A name that differs only by
 * letter case is not the same file on Linux (CI) but is on macOS and Windows: reported as a near match.
 * A link met on the way is not followed here (the caller resolves the found path again).
 */
async function resolveWrittenOtherwise(bundleRealRoot: string, relative: string, listings: FolderListings): Promise<ResolvedPath> {
  const segments = bundlePath(relative).split('/');
  let folder = bundleRealRoot;
  const written: string[] = [];
  let caseOnly = false;
  for (const segment of segments) {
    let listing = listings.get(folder);
    if (!listing) {
      listing = readdir(folder).catch(() => undefined);
      listings.set(folder, listing);
    }
    const names = await listing;
    if (!names) return { ok: false, problem: 'not-found' };
    const wanted = segment.normalize('NFC');
    const same = names.find((name) => name === segment) ?? names.find((name) => name.normalize('NFC') === wanted);
    const near = same ?? names.find((name) => name.normalize('NFC').toLocaleLowerCase('fr') === wanted.toLocaleLowerCase('fr'));
    if (near === undefined) return { ok: false, problem: 'not-found' };
    if (same === undefined) caseOnly = true;
    written.push(near);
    folder = join(folder, near);
  }
  if (caseOnly) return { ok: false, problem: 'not-found', nearMatch: written.join('/') };
  const found = written.join('/');
  return found === relative ? { ok: false, problem: 'not-found' } : resolveInsideBundle(bundleRealRoot, found, listings);
}

/** Two bundle paths name the same file when their NFC forms are equal (see resolveWrittenOtherwise). */
export function samePathKey(path: string): string {
  return path.normalize('NFC');
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
