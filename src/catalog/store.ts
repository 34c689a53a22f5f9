// Where catalogs live and how a CATALOG reference (product.md) becomes a validated Catalog:
// an id in ./rem-catalogs/ or in the package's own rem-catalogs/, a .yaml/.json catalog file, or a
// REM workbook (.xlsx) imported on the fly.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { SegurError } from '../errors.js';
import { CatalogSchema, type Catalog } from './schema.js';
import { readYamlFile } from './yaml-file.js';
import { zodIssueArgs, zodIssuePath } from '../io/zod-issue.js';
import type { ImportOptions } from './import.js';
import { CATALOG_DIR, PACKAGE_CATALOG_DIR } from './paths.js';
import { CATALOG_FILE_EXTENSIONS, catalogDirs, locateCatalogById } from './locate.js';
import { CATALOG_LIMITS, MAX_CATALOG_BYTES, checkCatalogLimits, type CatalogLimits } from './limits.js';

export { MAX_CATALOG_BYTES };

export { CATALOG_DIR, PACKAGE_CATALOG_DIR };

const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];

export interface ResolveOptions {
  /** Relative catalog and workbook paths are relative to this folder (e.g. the bundle's). */
  baseDir: string;
  /** Folder holding the user's `rem-catalogs/` (default: the current directory). */
  cwd?: string;
  importOptions?: ImportOptions;
}

/**
 * The catalog `ref` names, read and validated, with its file's absolute path; `id` when `ref` was a
 * catalog id (its file depends on the rem-catalogs/ folders: catalog/locate.ts). Throws SegurError.
 */
export async function resolveCatalog(ref: string, options: ResolveOptions): Promise<{ catalog: Catalog; path: string; id?: string }> {
  const extension = extname(ref).toLowerCase();
  if (CATALOG_FILE_EXTENSIONS.includes(extension)) {
    const path = resolve(options.baseDir, ref);
    return { catalog: await loadCatalogFile(path), path };
  }
  if (WORKBOOK_EXTENSIONS.includes(extension)) {
    const path = resolve(options.baseDir, ref);
    const { importWorkbook } = await import('./import.js');
    return { catalog: (await importWorkbook(path, options.importOptions)).catalog, path };
  }
  const path = locateCatalogById(ref, options.cwd ?? process.cwd());
  // An existing file that is neither a catalog nor a workbook (`--rem README.md`) is not a missing id.
  if (!path && extension !== '' && existsSync(resolve(options.baseDir, ref))) throw new SegurError('catalog/not-a-catalog-file', { ref });
  if (!path) {
    const available = (await listCatalogs({ cwd: options.cwd })).map((entry) => entry.id);
    const [local, bundled = local] = catalogDirs(options.cwd ?? process.cwd());
    throw new SegurError('catalog/unknown-id', { id: ref, local, bundled, available: available.length > 0 ? available.join(', ') : '—' });
  }
  return { catalog: await loadCatalogFile(path), path, id: ref };
}

/**
 * Reads a catalog file (through the safe open) and validates it: size, nesting, the catalog caps
 * (limits.ts: requirements, scenarios, proofs, total text — YAML aliases counted each time they are
 * used), then the schema. Throws SegurError.
 */
export async function loadCatalogFile(file: string, limits: Readonly<CatalogLimits> = CATALOG_LIMITS): Promise<Catalog> {
  const data = await readYamlFile(file, 'catalog/file-syntax', MAX_CATALOG_BYTES);
  checkCatalogLimits(data, file, limits);
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SegurError('catalog/file-invalid', { file, path: zodIssuePath(issue) || '—', ...zodIssueArgs(issue) });
  }
  return result.data;
}

export interface CatalogListing {
  id: string;
  path: string;
  /** `local` = ./rem-catalogs, `bundled` = shipped with segur. */
  origin: 'local' | 'bundled';
  catalog?: Catalog;
  /** Why the file could not be read as a catalog (listing goes on). */
  problem?: SegurError;
}

/** Catalogs in ./rem-catalogs/ then the bundled ones (a local id hides a bundled one), sorted by id. */
export async function listCatalogs(options: { cwd?: string } = {}): Promise<CatalogListing[]> {
  const listings: CatalogListing[] = [];
  const seen = new Set<string>();
  const dirs = catalogDirs(options.cwd ?? process.cwd());
  for (const [index, dir] of dirs.entries()) {
    const origin = index === 0 ? 'local' : 'bundled';
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of [...names].sort()) {
      const extension = extname(name).toLowerCase();
      if (!CATALOG_FILE_EXTENSIONS.includes(extension)) continue;
      const id = name.slice(0, -extension.length);
      if (seen.has(id)) continue;
      seen.add(id);
      const path = join(dir, name);
      try {
        listings.push({ id, path, origin, catalog: await loadCatalogFile(path) });
      } catch (error) {
        if (!(error instanceof SegurError)) throw error;
        listings.push({ id, path, origin, problem: error });
      }
    }
  }
  return listings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
