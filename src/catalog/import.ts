// `segur catalog import`: REM workbook → Catalog, plus what --explain tells about how it was read.
// Pipeline: safe read (once) → xlsx reader → sheet grids → header detection and mapping → row
// assembly → zod validation.
//
// Which sheet: the one named by --sheet (or the map's `sheet`), hidden or not; otherwise the best
// REM header among the visible sheets, and among the hidden ones only when no visible sheet has one
// (a REM whose first sheet is a hidden archive copy is read from its live sheet).
import { basename } from 'node:path';
import { SegurError } from '../errors.js';
import { CATALOG_SCHEMA, CatalogSchema, type Catalog } from './schema.js';
import { openWorkbook, readWorkbookFile, type Workbook } from './xlsx/workbook.js';
import type { SheetRef } from './xlsx/workbook-parts.js';
import type { SheetGrid, SheetState } from './xlsx/sheet-grid.js';
import type { ZipLimits } from './xlsx/zip-reader.js';
import type { WorkbookReadLimits } from './xlsx/limits.js';
import { bestHeader, findHeader, type HeaderMapping, type IgnoredColumn, type MappedColumn } from './header/detect.js';
import { normaliseHeader } from './header/normalise.js';
import type { ColumnsMap } from './header/columns-map.js';
import { assembleRequirements, type AssemblyStats } from './assemble.js';
import { catalogIdFromFile } from './catalog-id.js';
import { catalogCounts } from './counts.js';

export interface ImportOptions {
  /** Sheet to read instead of detecting it (overrides the map's `sheet`). */
  sheet?: string;
  columnsMap?: ColumnsMap;
  limits?: ZipLimits;
  /** Caps of the xlsx reader (xlsx/limits.ts); the defaults suit every real REM. */
  readLimits?: Partial<WorkbookReadLimits>;
}

export interface ImportExplanation {
  sheet: string;
  /** Visibility of the sheet read (a hidden one only when asked for, or when no visible sheet has a header). */
  sheetState: SheetState;
  /** The sheet was named by --sheet or the map's `sheet`. */
  sheetForced: boolean;
  /** Hidden sheets not looked at because a visible sheet has a REM header. */
  hiddenSheetsSkipped: { name: string; state: SheetState }[];
  headerRow: number;
  columns: MappedColumn[];
  ignored: IgnoredColumn[];
  /** True when the workbook has no nature column and every requirement was taken as EXIGENCE. */
  natureColumnAbsent: boolean;
  /** Headers of the --columns map that match no column of the header row (typos, other layouts). */
  unmatchedMapHeaders: string[];
  /** Cells of the sheet read whose text had control characters replaced (xlsx/pasted-text.ts). */
  cellsWithControlCharacters: number;
  stats: AssemblyStats;
  counts: { requirements: number; scenarios: number; proofs: number };
}

export interface ImportResult {
  catalog: Catalog;
  explanation: ImportExplanation;
}

/** Imports the REM workbook `file`, read once through the safe open. Throws SegurError (exit 2). */
export async function importWorkbook(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { bytes, sha256 } = await readWorkbookFile(file);
  return importWorkbookBytes(bytes, sha256, file, options);
}

/** Imports a workbook already in memory; `sha256` is recorded as the catalog's source hash. */
export async function importWorkbookBytes(bytes: Buffer, sha256: string, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const workbook = await openWorkbook(bytes, file, { zipLimits: options.limits, readLimits: options.readLimits });
  let choice: SheetChoice;
  try {
    choice = await chooseSheet(workbook, file, options.sheet ?? options.columnsMap?.sheet, options.columnsMap);
  } finally {
    workbook.close();
  }
  const { mapping } = choice;
  const { requirements, stats } = assembleRequirements(file, mapping);
  const id = catalogIdFromFile(file);
  const catalog = CatalogSchema.parse({
    schema: CATALOG_SCHEMA,
    id,
    title: workbook.title ?? id,
    source: { file: basename(file), sheet: mapping.sheet.name, sha256 },
    requirements,
  });
  return {
    catalog,
    explanation: {
      sheet: mapping.sheet.name,
      sheetState: mapping.sheet.state,
      sheetForced: choice.forced,
      hiddenSheetsSkipped: choice.hiddenSkipped.map((sheet) => ({ name: sheet.name, state: sheet.state })),
      headerRow: mapping.headerRow,
      columns: mapping.columns,
      ignored: mapping.ignored,
      natureColumnAbsent: !mapping.columns.some((column) => column.field === 'nature'),
      unmatchedMapHeaders: unmatchedMapHeaders(options.columnsMap, [...mapping.columns, ...mapping.ignored]),
      cellsWithControlCharacters: mapping.sheet.cellsWithControlCharacters,
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

interface SheetChoice {
  mapping: HeaderMapping;
  forced: boolean;
  hiddenSkipped: SheetRef[];
}

async function chooseSheet(workbook: Workbook, file: string, wanted: string | undefined, columnsMap: ColumnsMap | undefined): Promise<SheetChoice> {
  if (wanted !== undefined) {
    const sheet =
      workbook.sheets.find((candidate) => candidate.name === wanted) ??
      workbook.sheets.find((candidate) => normaliseHeader(candidate.name) === normaliseHeader(wanted));
    if (!sheet) {
      throw new SegurError('catalog/sheet-not-found', { file, sheet: wanted, sheets: workbook.sheets.map((s) => `« ${s.name} »`).join(', ') });
    }
    return { mapping: findHeader(file, [await workbook.readSheet(sheet)], columnsMap), forced: true, hiddenSkipped: [] };
  }
  const visible = workbook.sheets.filter((sheet) => sheet.state === 'visible');
  const hidden = workbook.sheets.filter((sheet) => sheet.state !== 'visible');
  const visibleGrids = await readSheets(workbook, visible);
  const best = bestHeader(visibleGrids, columnsMap);
  if (best) return { mapping: best, forced: false, hiddenSkipped: hidden };
  // No visible sheet has a REM header: the hidden ones are looked at too (and all named if none has).
  const grids = [...visibleGrids, ...(await readSheets(workbook, hidden))];
  return { mapping: findHeader(file, grids, columnsMap), forced: false, hiddenSkipped: [] };
}

async function readSheets(workbook: Workbook, sheets: readonly SheetRef[]): Promise<SheetGrid[]> {
  const grids: SheetGrid[] = [];
  for (const sheet of sheets) grids.push(await workbook.readSheet(sheet));
  return grids;
}
