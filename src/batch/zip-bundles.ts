// Where the bundles of a zipped deposit are, from its entry names alone (the central directory, no
// entry inflated): the deposit's bundle is the archive's root, or its one top folder, whichever holds
// the segur.yaml; any folder below it holding a segur.yaml is a bundle of its own, as in a deposited
// folder (find-bundles.ts) — found, checked and listed, never passed over as the outer bundle's proofs.
import { MANIFEST_FILE } from '../bundle/manifest-schema.js';
import { isIgnored } from './ignored-names.js';

/**
 * The bundle folder inside the archive, from its file names (POSIX, folders excluded): '' for the
 * root, `depot` for a zipped folder; undefined when neither holds the manifest. Names under
 * `__MACOSX/` and hidden or system files beside the top folder are not deposited files.
 */
export function bundleRootIn(names: readonly string[]): string | undefined {
  if (names.includes(MANIFEST_FILE)) return '';
  const tops = new Set(names.map((name) => name.split('/')[0]!).filter((top) => !isIgnored(top)));
  if (tops.size !== 1) return undefined;
  const [top] = [...tops];
  return names.includes(`${top}/${MANIFEST_FILE}`) ? top : undefined;
}

/**
 * The folders below the bundle folder `root` that hold a segur.yaml, relative to `root`, sorted in
 * code-point order; hidden folders are skipped as the folder walk skips them, and so are folders
 * more than `maxDepth` levels below `root` (find-bundles.ts DISCOVERY_LIMITS.maxDepth).
 */
export function nestedBundlesIn(names: readonly string[], root: string, maxDepth: number): string[] {
  const prefix = root === '' ? '' : `${root}/`;
  const nested = names
    .filter((name) => name.startsWith(prefix) && name.endsWith(`/${MANIFEST_FILE}`))
    .map((name) => name.slice(prefix.length, -(MANIFEST_FILE.length + 1)))
    .filter((dir) => {
      const parts = dir.split('/');
      return parts.length <= maxDepth && parts.every((part) => part !== '' && !isIgnored(part));
    });
  return [...new Set(nested)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The nested bundles of the zipped deposit `file` (nestedBundlesIn), read from its central directory
 * through the safe open and the zip reader's limits. [] when the archive cannot be read: the
 * deposit's own check then says why (an `error` row), so nothing is skipped without a word.
 */
export async function nestedBundlesOfZip(file: string, maxDepth: number): Promise<string[]> {
  const { openChecked } = await import('../io/safe-open.js');
  const { openZipDirectory } = await import('../io/zip-directory.js');
  const { XDM_LIMITS, XDM_MAX_FILE_BYTES } = await import('../artefacts/xdm/open-archive.js');
  const opened = await openChecked(file, { followSymlinks: false, maxBytes: XDM_MAX_FILE_BYTES });
  if (!opened.ok) return [];
  try {
    const directory = await openZipDirectory(opened.handle.fd, XDM_LIMITS);
    if (!directory.ok) return [];
    try {
      const names = depositedNames(directory.entries.keys());
      const root = bundleRootIn(names);
      return root === undefined ? [] : nestedBundlesIn(names, root, maxDepth);
    } finally {
      directory.close();
    }
  } catch {
    return [];
  } finally {
    await opened.handle.close();
  }
}

/** Entry names without Finder's resource forks (`__MACOSX/…`), which are not deposited files. */
export function depositedNames(names: Iterable<string>): string[] {
  return [...names].filter((name) => name.split('/')[0] !== '__MACOSX');
}
