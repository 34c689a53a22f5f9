// `segur catalog import`: reads the workbook, writes rem-catalogs/<id>.yaml (or --out) atomically,
// and returns what to print (one summary line, plus the --explain report).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SegurError } from '../../errors.js';
import { prepareOutput, writeOutputSet } from '../../io/output.js';
import type { Lang } from '../../messages/index.js';
import { importWorkbook } from '../import.js';
import { catalogToYaml } from '../catalog-yaml.js';
import { DEFAULT_ZIP_LIMITS } from '../xlsx/zip-reader.js';
import { CATALOG_DIR } from '../paths.js';
import { MAX_CATALOG_BYTES } from '../limits.js';
import { loadCatalogFile } from '../store.js';
import { renderExplanation } from './explain.js';
import { formatMessage } from '../../messages/index.js';

export interface CatalogImportFlags {
  out?: string;
  sheet?: string;
  columns?: string;
  explain?: boolean;
  maxUncompressedMb?: string;
  force?: boolean;
}

export async function runCatalogImport(workbook: string, flags: CatalogImportFlags, lang: Lang): Promise<string> {
  const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: uncompressedLimit(flags.maxUncompressedMb) };
  // Raising the archive's bound raises the XML one too (xlsx/limits.ts `maxXmlBytes`).
  const readLimits = flags.maxUncompressedMb === undefined ? undefined : { maxXmlBytes: limits.maxTotalBytes };
  // A named output is checked before the workbook is read: a bad path costs nothing.
  const named = flags.out === undefined ? undefined : await prepareOutput(flags.out);
  // The YAML parser is only needed for a columns map: loaded on demand.
  const columnsMap = flags.columns ? await (await import('../header/columns-map.js')).loadColumnsMap(flags.columns) : undefined;
  const { catalog, explanation } = await importWorkbook(workbook, { sheet: flags.sheet, columnsMap, limits, readLimits });
  // rem-catalogs/ is created on first import; a folder named by --out must already exist.
  if (flags.out === undefined) await mkdir(CATALOG_DIR, { recursive: true }).catch(() => undefined);
  const out = flags.out ?? join(CATALOG_DIR, `${catalog.id}.yaml`);
  if (flags.out === undefined && !flags.force) await refuseOtherWorkbook(out, catalog.source.sha256);
  const yaml = catalogToYaml(catalog);
  // Within every catalog cap, a catalog of long accented texts can still pass the size segur reads
  // back (store.ts): it is refused here rather than written and refused by the next command.
  const size = Buffer.byteLength(yaml);
  if (size > MAX_CATALOG_BYTES) throw new SegurError('catalog/yaml-too-large', { file: workbook, size, max: MAX_CATALOG_BYTES });
  await writeOutputSet([{ target: named ?? (await prepareOutput(out)), data: yaml }]);
  const summary = formatMessage('catalog/imported', { id: catalog.id, file: out, ...explanation.counts }, { lang });
  return flags.explain ? `${renderExplanation(explanation, lang)}\n${summary}\n` : `${summary}\n`;
}

function uncompressedLimit(flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_ZIP_LIMITS.maxTotalBytes;
  const megabytes = Number(flag);
  if (!/^\d+(\.\d+)?$/.test(flag.trim()) || !(megabytes > 0)) throw new SegurError('catalog/bad-max-uncompressed', { value: flag });
  return Math.round(megabytes * 1024 * 1024);
}

/**
 * rem-catalogs/<id>.yaml already holding a catalog imported from another workbook (two REMs saved
 * under the same file name, from two folders) is never replaced silently: exit 2 unless --force.
 * Re-importing the same workbook (same SHA-256) replaces it, as does --out.
 */
async function refuseOtherWorkbook(out: string, sha256: string): Promise<void> {
  if (!existsSync(out)) return;
  let existing: string | undefined;
  try {
    existing = (await loadCatalogFile(out)).source.sha256;
  } catch {
    existing = undefined;
  }
  if (existing !== sha256) throw new SegurError('catalog/import-would-replace', { file: out });
}
