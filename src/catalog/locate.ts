// Which file a catalog id names (product.md, CATALOG reference): `<id>.yaml|.yml|.json` in the
// current folder's rem-catalogs/ first, then in segur's own rem-catalogs/ — a local file hides the
// packaged one. Only the folders' entries are looked at (nothing is read): `segur batch --resume`
// asks it again before reusing a result, since the file an id names changes when one appears.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSafeCatalogId } from './catalog-id.js';
import { CATALOG_DIR, PACKAGE_CATALOG_DIR } from './paths.js';

export const CATALOG_FILE_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The catalog folders of `cwd`, in lookup order (absolute paths; one when cwd is segur's own folder). */
export function catalogDirs(cwd: string): string[] {
  const local = resolve(cwd, CATALOG_DIR);
  const bundled = resolve(PACKAGE_CATALOG_DIR);
  return local === bundled ? [local] : [local, bundled];
}

/** The absolute path of the file catalog `id` names from `cwd` now; undefined for an unsafe or unknown id. */
export function locateCatalogById(id: string, cwd: string = process.cwd()): string | undefined {
  if (!isSafeCatalogId(id)) return undefined;
  for (const dir of catalogDirs(cwd)) {
    for (const extension of CATALOG_FILE_EXTENSIONS) {
      const candidate = join(dir, `${id}${extension}`);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}
