// What a batch folder holds, found by a bounded walk: every folder with a segur.yaml at any depth is
// a bundle (its path relative to the batch folder is its name; one filed inside another bundle too),
// every `.zip` file outside a bundle a zipped deposit (and each bundle filed inside it one more item,
// `depot.zip/inner`: zip-bundles.ts),
// and a folder holding files but no manifest is listed as a problem, so that nothing deposited is
// skipped without a word. Links are never followed: a link to somewhere inside the batch folder is
// reviewed under its target's own name, a link leading outside is listed as a problem.
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';
import { isWithin } from '../bundle/paths.js';
import { MANIFEST_FILE } from '../bundle/manifest-schema.js';
import type { MessageArgs } from '../messages/index.js';
import { nestedBundlesOfZip } from './zip-bundles.js';
import { isIgnored } from './ignored-names.js';
import { STATE_DIR } from './out-state.js';

export type BatchItem =
  | { name: string; kind: 'folder'; dir: string }
  /** `inner`: a bundle filed inside the deposit's bundle (its folder, relative to it, POSIX). */
  | { name: string; kind: 'zip'; file: string; inner?: string }
  /** Listed as an `error` row: a folder without manifest, a link leading outside, a folder too deep. */
  | { name: string; kind: 'problem'; code: string; args: MessageArgs };

export const DISCOVERY_LIMITS = {
  /** `depots/editeur/version/…`: deeper folders are listed as a problem, not explored. */
  maxDepth: 8,
  /** Folders visited in all; more is not a batch of deposits (exit 2). */
  maxFolders: 20_000,
  /** Bundles and deposits in one batch (exit 2 beyond: split the batch). */
  maxItems: 2_000,
  /** Folders visited inside bundles, looking for a bundle deposited in another (proof folders, mostly). */
  maxFoldersInBundles: 200_000,
};
export type DiscoveryLimits = typeof DISCOVERY_LIMITS;

/** Folder names at the top of `--out` that hold the batch's own files (a bundle may not take them). */
export interface DiscoveryOptions {
  /** Never explored (an `--out` folder inside the batch folder holds reports, not deposits). */
  excludeDirs?: readonly string[];
  /** First path segments a bundle name may not have (the batch's own output files). */
  reservedNames?: ReadonlySet<string>;
  limits?: DiscoveryLimits;
}

/** Items sorted by name (code-point order: the same on every machine). Errors: exit 2 (SegurError). */
export async function findBundles(dir: string, options: DiscoveryOptions = {}): Promise<BatchItem[]> {
  const limits = options.limits ?? DISCOVERY_LIMITS;
  const root = await realRoot(dir);
  if (await hasManifest(root)) throw new SegurError('batch/dir-is-bundle', { dir, manifest: MANIFEST_FILE });
  const excluded = await Promise.all((options.excludeDirs ?? []).map(async (path) => realpath(path).catch(() => resolve(path))));
  // An --out that is the batch folder or one of its parents would exclude every deposit from the walk.
  const holding = (options.excludeDirs ?? []).find((_, index) => isWithin(excluded[index]!, root));
  if (holding !== undefined) throw new SegurError('batch/out-holds-dir', { out: holding, dir, suggestion: join(dirname(dir), 'rapports') });
  const items: BatchItem[] = [];
  let folders = 0;
  let foldersInBundles = 0;

  const visit = async (relativePath: string, depth: number): Promise<void> => {
    if (++folders > limits.maxFolders) throw new SegurError('batch/too-many-folders', { dir, max: limits.maxFolders });
    const path = relativePath === '' ? dir : join(dir, relativePath);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      items.push(problem(relativePath, 'batch/folder-unreadable', { reason: describeIoError(error) }));
      return;
    }
    // An earlier batch's --out (its state folder says so) holds reports, not deposits.
    if (relativePath !== '' && entries.some((entry) => entry.name === STATE_DIR && entry.isDirectory())) return;
    entries = entries.filter((entry) => !isIgnored(entry.name)).sort((a, b) => byCodePoint(a.name, b.name));
    if (relativePath !== '' && entries.some((entry) => entry.name === MANIFEST_FILE)) {
      items.push({ name: relativePath, kind: 'folder', dir: path });
      // A bundle's sub-folders are its proofs (its files and zips are evidence, not deposits), but a
      // bundle deposited inside it is a bundle of its own: checked, never skipped without a word.
      for (const entry of entries) if (entry.isDirectory()) await visitInside(`${relativePath}/${entry.name}`, depth + 1);
      return;
    }
    const loose: string[] = [];
    const subfolders: string[] = [];
    for (const entry of entries) {
      const name = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      if (entry.isDirectory()) subfolders.push(name);
      else if (entry.isSymbolicLink()) {
        if (!(await leadsInside(join(dir, name), root))) items.push(problem(name, 'batch/link-outside', {}));
      } else if (entry.isFile() && /\.zip$/i.test(entry.name)) {
        const file = join(dir, name);
        items.push({ name, kind: 'zip', file });
        for (const inner of await nestedBundlesOfZip(file, limits.maxDepth)) items.push({ name: `${name}/${inner}`, kind: 'zip', file, inner });
      }
      else loose.push(entry.name);
    }
    if (loose.length > 0) {
      items.push(problem(relativePath === '' ? '.' : relativePath, 'batch/no-manifest', { count: loose.length, files: sample(loose), manifest: MANIFEST_FILE }));
    }
    for (const name of subfolders) {
      const real = await realpath(join(dir, name)).catch(() => resolve(dir, name));
      if (excluded.some((out) => isWithin(out, real))) continue;
      if (depth + 1 > limits.maxDepth) items.push(problem(name, 'batch/too-deep', { max: limits.maxDepth }));
      else await visit(name, depth + 1);
    }
    if (items.length > limits.maxItems) throw new SegurError('batch/too-many-bundles', { dir, max: limits.maxItems });
  };

  /** Inside a bundle: only its nested bundles are looked for (nothing else there is a deposit). */
  const visitInside = async (relativePath: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth) return; // proofs' own sub-folders, deeper than any deposit is filed
    if (++foldersInBundles > limits.maxFoldersInBundles) throw new SegurError('batch/too-many-folders', { dir, max: limits.maxFoldersInBundles });
    const entries = await readdir(join(dir, relativePath), { withFileTypes: true }).catch(() => [] as Dirent[]); // the bundle's check says what it cannot read
    if (entries.some((entry) => entry.name === MANIFEST_FILE)) {
      await visit(relativePath, depth);
      return;
    }
    for (const entry of entries.filter((candidate) => candidate.isDirectory() && !isIgnored(candidate.name)).sort((a, b) => byCodePoint(a.name, b.name))) {
      await visitInside(`${relativePath}/${entry.name}`, depth + 1);
    }
  };

  await visit('', 0);
  const reserved = options.reservedNames ?? new Set<string>();
  const sorted = items
    .map((item) => (item.kind !== 'problem' && reserved.has(item.name.split('/')[0]!) ? problem(item.name, 'batch/reserved-name', {}) : item))
    .sort((a, b) => byCodePoint(a.name, b.name));
  if (!sorted.some((item) => item.kind !== 'problem')) throw new SegurError('batch/no-bundle', { dir, manifest: MANIFEST_FILE });
  return sorted;
}

function problem(name: string, code: string, args: MessageArgs): BatchItem {
  return { name, kind: 'problem', code, args };
}

/** `a.png, b.pdf, c.txt…`: enough for a reviewer to recognise the folder. */
function sample(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown}…` : shown;
}

async function realRoot(dir: string): Promise<string> {
  try {
    const info = await lstat(dir);
    const real = await realpath(dir);
    if (!info.isDirectory() && !(await lstat(real)).isDirectory()) throw new SegurError('batch/dir-unreadable', { dir, reason: describeIoError({ code: 'ENOTDIR' }) });
    return real;
  } catch (error) {
    if (error instanceof SegurError) throw error;
    throw new SegurError('batch/dir-unreadable', { dir, reason: describeIoError(error) }, { cause: error });
  }
}

async function hasManifest(dir: string): Promise<boolean> {
  return (await lstat(join(dir, MANIFEST_FILE)).catch(() => undefined)) !== undefined;
}

async function leadsInside(link: string, root: string): Promise<boolean> {
  const target = await realpath(link).catch(() => undefined);
  return target !== undefined && isWithin(root, target);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
