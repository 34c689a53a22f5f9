// A TestContenuCDA tree as the user supplies it (`--cisis DIR`, `segur cisis import DIR`): the
// folder holding `schematrons/` (one `CI-SIS_<volet>.sch` per document type) and `jeuxDeValeurs/`.
// Its volets are listed from the file names; nothing is compiled here.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeIoError, SegurError } from '../../errors.js';
import { voletName } from '../compile/compile-schema.js';

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

/** Every source file a pack can depend on: schematrons and value sets, relative POSIX paths, sorted. */
export function sourceFiles(tree: CisisTree): string[] {
  const files: string[] = [];
  walk(tree.root, 'schematrons', (path) => path.toLowerCase().endsWith('.sch'), files);
  walk(tree.root, 'jeuxDeValeurs', (path) => path.toLowerCase().endsWith('.xml'), files);
  return files.sort();
}

/** Folder depth bound: the ANS tree is 5 levels deep. */
const MAX_DEPTH = 12;

function walk(root: string, relative: string, keep: (path: string) => boolean, into: string[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, keep, into, depth + 1);
    else if (entry.isFile() && keep(path)) into.push(path);
  }
}
