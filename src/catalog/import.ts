// `segur catalog import`: REM workbook → Catalog, plus what --explain tells about how it was read.
// Pipeline: xlsx reader → sheet grids → header detection and mapping → row assembly → zod validation.
import { basename } from 'node:path';
import { SegurError } from '../errors.js';
import { CATALOG_SCHEMA, CatalogSchema, type Catalog } from './schema.js';
import { openWorkbook, type Workbook } from './xlsx/workbook.js';
import type { SheetGrid } from './xlsx/sheet-part.js';
import type { ZipLimits } from './xlsx/zip-reader.js';
import { findHeader, type IgnoredColumn, type MappedColumn } from './header/detect.js';
import { normaliseHeader } from './header/normalise.js';
import type { ColumnsMap } from './header/columns-map.js';
import { assembleRequirements, type AssemblyStats } from './assemble.js';
import { catalogIdFromFile } from './catalog-id.js';
import { sha256File } from './file-hash.js';
import { catalogCounts } from './counts.js';

export interface ImportOptions {
  /** Sheet to read instead of detecting it (overrides the map's `sheet`). */
  sheet?: string;
  columnsMap?: ColumnsMap;
  limits?: ZipLimits;
}

export interface ImportExplanation {
  sheet: string;
  headerRow: number;
  columns: MappedColumn[];
  ignored: IgnoredColumn[];
  /** True when the workbook has no nature column and every requirement was taken as EXIGENCE. */
  natureColumnAbsent: boolean;
  /** Headers of the --columns map that match no column of the header row (typos, other layouts). */
  unmatchedMapHeaders: string[];
  stats: AssemblyStats;
  counts: { requirements: number; scenarios: number; proofs: number };
}

export interface ImportResult {
  catalog: Catalog;
  explanation: ImportExplanation;
}

export async function importWorkbook(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const workbook = await openWorkbook(file, options.limits);
  let sheets: SheetGrid[];
  try {
    sheets = await readCandidateSheets(workbook, file, options.sheet ?? options.columnsMap?.sheet);
  } finally {
    workbook.close();
  }
  const mapping = findHeader(file, sheets, options.columnsMap);
  const { requirements, stats } = assembleRequirements(file, mapping);
  const id = catalogIdFromFile(file);
  const catalog = CatalogSchema.parse({
    schema: CATALOG_SCHEMA,
    id,
    title: workbook.title ?? id,
    source: { file: basename(file), sheet: mapping.sheet.name, sha256: await sha256File(file) },
    requirements,
  });
  return {
    catalog,
    explanation: {
      sheet: mapping.sheet.name,
      headerRow: mapping.headerRow,
      columns: mapping.columns,
      ignored: mapping.ignored,
      natureColumnAbsent: !mapping.columns.some((column) => column.field === 'nature'),
      unmatchedMapHeaders: unmatchedMapHeaders(options.columnsMap, [...mapping.columns, ...mapping.ignored]),
      stats,
      counts: catalogCounts(requirements),
    },
  };
}

function unmatchedMapHeaders(columnsMap: ColumnsMap | undefined, seen: readonly { header: string }[]): string[] {
  if (!columnsMap) return [];
  const present = new Set(seen.map((column) => normaliseHeader(column.header)));
  return [...columnsMap.columns.keys()].filter((key) => !present.has(key)).map((key) => columnsMap.written?.get(key) ?? key);
}

async function readCandidateSheets(workbook: Workbook, file: string, wanted: string | undefined): Promise<SheetGrid[]> {
  if (wanted === undefined) {
    const grids: SheetGrid[] = [];
    for (const sheet of workbook.sheets) grids.push(await workbook.readSheet(sheet));
    return grids;
  }
  const sheet =
    workbook.sheets.find((candidate) => candidate.name === wanted) ??
    workbook.sheets.find((candidate) => normaliseHeader(candidate.name) === normaliseHeader(wanted));
  if (!sheet) {
    throw new SegurError('catalog/sheet-not-found', { file, sheet: wanted, sheets: workbook.sheets.map((s) => `« ${s.name} »`).join(', ') });
  }
  return [await workbook.readSheet(sheet)];
}
