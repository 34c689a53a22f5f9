// A TestContenuCDA tree as the user supplies it (`--cisis DIR`, `segur cisis import DIR`): the
// folder holding `schematrons/` (one `CI-SIS_<volet>.sch` per document type) and `jeuxDeValeurs/`.
// Its volets are listed from the file names; nothing is compiled here.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeIoError, SegurError } from '../../errors.js';
import { fileType, type FileType } from '../../io/safe-open.js';
import { voletName } from '../volet-name.js';

export interface CisisTree {
  /** Absolute, symbolic links resolved. */
  root: string;
  /** Volet name → schematron path relative to the root (`schematrons/CI-SIS_VSM_2023.01.sch`). */
  volets: Map<string, string>;
}

/** Reads the tree's volet list; SegurError (exit 2) when `dir` is not such a tree. */
export function openTree(dir: string): CisisTree {
  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) throw new SegurError('cisis/not-a-tree', { dir });
  } catch (error) {
    if (error instanceof SegurError) throw error;
    throw new SegurError('cisis/tree-unreadable', { dir, reason: describeIoError(error) }, { cause: error });
  }
  let names: string[];
  try {
    names = readdirSync(join(root, 'schematrons'));
  } catch {
    throw new SegurError('cisis/not-a-tree', { dir });
  }
  const volets = new Map<string, string>();
  for (const name of names.filter((entry) => /^CI-SIS_.+\.sch$/i.test(entry)).sort()) volets.set(voletName(name), `schematrons/${name}`);
  if (volets.size === 0) throw new SegurError('cisis/not-a-tree', { dir });
  return { root, volets };
}

/**
 * One entry of the tree's sources: a regular file (with what identifies its content cheaply: size,
 * dates, device and inode of the file a link leads to) or something the compiler cannot read (a
 * FIFO, a device, a broken link, an unreadable folder), listed so that its repair changes the key.
 */
export type SourceEntry =
  | { path: string; kind: 'file'; size: number; mtimeMs: number; ctimeMs: number; dev: number; ino: number }
  | { path: string; kind: Exclude<FileType, 'file' | 'directory'> | 'broken-link' | 'unreadable-folder' };

/**
 * Every file a pack can be compiled from: all of `schematrons/` and `jeuxDeValeurs/` (schematrons,
 * includes, value sets, documents read with document()), relative POSIX paths, sorted. Symbolic
 * links are followed — the tree is the user's own, links included — and listed under their path
 * in the tree, so that the cache key covers what a link leads to; a folder reached twice (a link
 * loop) is walked once. The compiler reads nothing else (compile-schema.ts `sources`).
 * SegurError (exit 2) beyond MAX_SOURCE_FILES entries.
 */
export function sourceFiles(tree: CisisTree): SourceEntry[] {
  const walk: Walk = { root: tree.root, entries: [], visited: new Set() };
  for (const top of SOURCE_FOLDERS) walkFolder(walk, top, 0);
  return walk.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The folders a pack is compiled from. */
export const SOURCE_FOLDERS = ['schematrons', 'jeuxDeValeurs'] as const;

/** Folder depth bound: the ANS tree is 5 levels deep. */
const MAX_DEPTH = 12;
/** The ANS tree has ≈2,200 files there; a tree with more is not a TestContenuCDA copy. */
export const MAX_SOURCE_FILES = 50_000;

interface Walk {
  root: string;
  entries: SourceEntry[];
  /** `dev:ino` of every folder walked (a link back to a parent is not walked again). */
  visited: Set<string>;
}

function walkFolder(walk: Walk, relative: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const folder = join(walk.root, relative);
  let names: string[];
  try {
    const info = statSync(folder);
    const id = `${info.dev}:${info.ino}`;
    if (walk.visited.has(id)) return;
    walk.visited.add(id);
    names = readdirSync(folder);
  } catch (error) {
    // The top folders may be absent (a tree without value sets); a sub-folder that cannot be read is listed.
    if (depth > 0 || (error as NodeJS.ErrnoException).code !== 'ENOENT') add(walk, { path: relative, kind: 'unreadable-folder' });
    return;
  }
  for (const name of names.sort()) {
    const path = `${relative}/${name}`;
    let info;
    try {
      info = statSync(join(walk.root, path));
    } catch {
      add(walk, { path, kind: 'broken-link' });
      continue;
    }
    const type = fileType(info);
    if (type === 'directory') walkFolder(walk, path, depth + 1);
    else if (type === 'file') add(walk, { path, kind: 'file', size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, dev: info.dev, ino: info.ino });
    else add(walk, { path, kind: type });
  }
}

function add(walk: Walk, entry: SourceEntry): void {
  if (walk.entries.length >= MAX_SOURCE_FILES) throw new SegurError('cisis/tree-too-many-files', { dir: walk.root, limit: MAX_SOURCE_FILES });
  walk.entries.push(entry);
}
