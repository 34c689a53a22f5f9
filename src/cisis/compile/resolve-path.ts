// Resolves a path written in a schematron (an include href, a value-set file) against the folder of
// the file that writes it, inside the TestContenuCDA tree only. ANS authored its files on Windows:
// some hrefs differ from the files only by letter case, so when the exact path is absent each
// segment is looked up case-insensitively (the caller reports it: on Linux the official chain drops
// those includes).
import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export type ResolvedPath =
  | { status: 'exact'; relative: string }
  | { status: 'case-insensitive'; relative: string }
  /** `emptyEntry`: a segment of the path is an empty file where a folder is expected (BIO-CR-BIO_2023.01 upstream). */
  | { status: 'missing'; relative: string; emptyEntry?: string }
  /** Above the tree's root, or (with `sources`) a file outside the folders compiled. */
  | { status: 'outside'; relative: string };

/**
 * `root`: absolute folder of the tree; `fromFile`: POSIX path of the writing file relative to `root`;
 * `href`: as written; `sources`: when given, the only files that may be read (tree.ts sourceFiles,
 * what the cache key covers) — any other file is `outside`. Returned paths are POSIX, relative to `root`.
 */
export function resolveTreePath(root: string, fromFile: string, href: string, sources?: ReadonlySet<string>): ResolvedPath {
  const resolved = resolveInTree(root, fromFile, href);
  if (sources && (resolved.status === 'exact' || resolved.status === 'case-insensitive') && !sources.has(resolved.relative)) return { status: 'outside', relative: resolved.relative };
  return resolved;
}

function resolveInTree(root: string, fromFile: string, href: string): ResolvedPath {
  const relative = posix.normalize(posix.join(posix.dirname(fromFile), href.replace(/\\/g, '/')));
  if (relative.startsWith('../') || relative === '..' || posix.isAbsolute(relative)) return { status: 'outside', relative };
  if (isFile(join(root, relative))) return { status: 'exact', relative };
  let current = '';
  const segments = relative.split('/');
  for (const segment of segments) {
    const folder = join(root, current);
    if (current !== '' && isEmptyFile(folder)) return { status: 'missing', relative, emptyEntry: current };
    const entries = listFolder(folder);
    const found = entries.find((entry) => entry === segment) ?? uniqueCaseInsensitive(entries, segment);
    if (found === undefined) return { status: 'missing', relative };
    current = current === '' ? found : `${current}/${found}`;
  }
  return isFile(join(root, current)) ? { status: 'case-insensitive', relative: current } : { status: 'missing', relative };
}

function uniqueCaseInsensitive(entries: readonly string[], segment: string): string | undefined {
  const lower = segment.toLowerCase();
  const matches = entries.filter((entry) => entry.toLowerCase() === lower);
  return matches.length === 1 ? matches[0] : undefined;
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isEmptyFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size === 0;
  } catch {
    return false;
  }
}
