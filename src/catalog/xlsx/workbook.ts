// A focused xlsx reader: only the parts the importer needs, streamed through saxes, after the zip
// limits are checked. Much lighter than exceljs, which stays for writing fixtures.
//
// The workbook file is read once, through the safe open (io/safe-open.ts: regular file only,
// non-blocking, size cap): the same bytes serve the magic check, the zip and the catalog's
// `source.sha256`.
import { SegurError } from '../../errors.js';
import { inputError, readChecked } from '../../io/safe-open.js';
import { assertZipBytes } from './file-kind.js';
import { DEFAULT_ZIP_LIMITS, openZipArchive, type ZipArchive, type ZipLimits } from './zip-reader.js';
import {
  findRelationshipTarget,
  parseCoreTitle,
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  relsPartOf,
  type Relationship,
  type SheetRef,
} from './workbook-parts.js';
import { parseSheetPart, type CellDecoding } from './sheet-part.js';
import type { SheetGrid } from './sheet-grid.js';
import { newCellBudget, type CellBudget, type WorkbookReadLimits } from './limits.js';

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';
const REL_CORE_PROPERTIES = '/core-properties';

/** A workbook file larger than this is not a REM (the published ones are well under 1 MB). */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

export interface WorkbookBytes {
  bytes: Buffer;
  /** SHA-256 (hex) of exactly these bytes. */
  sha256: string;
}

/** Reads `file` once through the safe open. Throws SegurError (io/input-*). */
export async function readWorkbookFile(file: string): Promise<WorkbookBytes> {
  const outcome = await readChecked(file, { followSymlinks: true, maxBytes: MAX_WORKBOOK_BYTES });
  if (!outcome.ok) throw inputError(file, outcome.problem);
  return { bytes: outcome.bytes, sha256: outcome.sha256 };
}

export interface WorkbookOptions {
  zipLimits?: ZipLimits;
  readLimits?: Partial<WorkbookReadLimits>;
}

export interface Workbook {
  /** Sheets in workbook order, hidden ones included (see `state`). */
  sheets: readonly SheetRef[];
  /** Document title (docProps/core.xml), when set. */
  title: string | undefined;
  readSheet(sheet: SheetRef): Promise<SheetGrid>;
  close(): void;
}

/** Opens the workbook held in `bytes` (`file` names it in messages). Throws SegurError. */
export async function openWorkbook(bytes: Buffer, file: string, options: WorkbookOptions = {}): Promise<Workbook> {
  assertZipBytes(bytes, file);
  const budget = newCellBudget(options.readLimits);
  const zip = await openZipArchive(bytes, file, options.zipLimits ?? DEFAULT_ZIP_LIMITS, budget);
  try {
    return await readWorkbookStructure(zip, file, budget);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function readWorkbookStructure(zip: ZipArchive, file: string, budget: CellBudget): Promise<Workbook> {
  const packageRels = await readRelationships(zip, file, '');
  const workbookPart = findRelationshipTarget(packageRels, REL_OFFICE_DOCUMENT) ?? 'xl/workbook.xml';
  const workbookXml = await zip.read(workbookPart);
  if (!workbookXml) throw new SegurError('catalog/not-a-workbook', { file });
  const info = parseWorkbook(workbookXml, file, workbookPart);
  const workbookRels = await readRelationships(zip, file, workbookPart);

  const sharedStringsPart = findRelationshipTarget(workbookRels, REL_SHARED_STRINGS);
  const sharedStringsXml = sharedStringsPart ? await zip.read(sharedStringsPart) : undefined;
  const stylesPart = findRelationshipTarget(workbookRels, REL_STYLES);
  const stylesXml = stylesPart ? await zip.read(stylesPart) : undefined;
  const corePart = findRelationshipTarget(packageRels, REL_CORE_PROPERTIES) ?? 'docProps/core.xml';
  const coreXml = await zip.read(corePart);

  const shared = sharedStringsXml ? parseSharedStrings(sharedStringsXml, file, sharedStringsPart!, budget.limits) : { strings: [], cleaned: new Set<number>() };
  const decoding: CellDecoding = {
    sharedStrings: shared.strings,
    cleanedSharedStrings: shared.cleaned,
    dateStyles: stylesXml ? parseDateStyles(stylesXml, file, stylesPart!) : [],
    date1904: info.date1904,
  };
  const sheets: SheetRef[] = [];
  for (const sheet of info.sheets) {
    const part = workbookRels.get(sheet.relId)?.target;
    if (part && zip.has(part)) sheets.push({ name: sheet.name, part, state: sheet.state });
  }

  return {
    sheets,
    title: coreXml ? parseCoreTitle(coreXml, file, corePart) : undefined,
    async readSheet(sheet) {
      const xml = await zip.read(sheet.part);
      const source = { file, part: sheet.part, name: sheet.name, state: sheet.state };
      if (!xml) return { name: sheet.name, state: sheet.state, rows: [], hiddenColumns: [], cellsWithControlCharacters: 0 };
      return parseSheetPart(xml, source, decoding, budget);
    },
    close: () => zip.close(),
  };
}

async function readRelationships(zip: ZipArchive, file: string, sourcePart: string): Promise<Map<string, Relationship>> {
  const relsPart = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
  const xml = await zip.read(relsPart);
  return xml ? parseRelationships(xml, file, relsPart, sourcePart) : new Map();
}
