import { fileURLToPath } from 'node:url';

/** The user's catalogs: `rem-catalogs/` in the current directory. */
export const CATALOG_DIR = 'rem-catalogs';
/** The catalogs shipped with segur (the bundled sample). */
export const PACKAGE_CATALOG_DIR = fileURLToPath(new URL('../../rem-catalogs/', import.meta.url));
