// A focused xlsx reader: only the parts the importer needs, streamed through saxes, after the zip
// limits are checked. Much lighter than exceljs, which stays for writing fixtures.
import { assertZipFile } from './file-kind.js';
import { openZipArchive, type ZipArchive, type ZipLimits } from './zip-reader.js';
import { parseCoreTitle, parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, relsPartOf, type SheetRef } from './workbook-parts.js';
import { parseSheetPart, type CellDecoding, type SheetGrid } from './sheet-part.js';
import { SegurError } from '../../errors.js';

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';
const REL_CORE_PROPERTIES = '/core-properties';

export interface Workbook {
  sheets: readonly SheetRef[];
  /** Document title (docProps/core.xml), when set. */
  title: string | undefined;
  readSheet(sheet: SheetRef): Promise<SheetGrid>;
  close(): void;
}

export async function openWorkbook(file: string, limits?: ZipLimits): Promise<Workbook> {
  await assertZipFile(file);
  const zip = await openZipArchive(file, limits);
  try {
    return await readWorkbookStructure(zip, file);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function readWorkbookStructure(zip: ZipArchive, file: string): Promise<Workbook> {
  const packageRels = await readRelationships(zip, file, '');
  const workbookPart = findTarget(packageRels, REL_OFFICE_DOCUMENT) ?? 'xl/workbook.xml';
  const workbookXml = await zip.read(workbookPart);
  if (!workbookXml) throw new SegurError('catalog/not-a-workbook', { file });
  const info = parseWorkbook(workbookXml, file, workbookPart);
  const workbookRels = await readRelationships(zip, file, workbookPart);

  const sharedStringsPart = findTarget(workbookRels, REL_SHARED_STRINGS);
  const sharedStringsXml = sharedStringsPart ? await zip.read(sharedStringsPart) : undefined;
  const stylesPart = findTarget(workbookRels, REL_STYLES);
  const stylesXml = stylesPart ? await zip.read(stylesPart) : undefined;
  const corePart = findTarget(packageRels, REL_CORE_PROPERTIES) ?? 'docProps/core.xml';
  const coreXml = await zip.read(corePart);

  const decoding: CellDecoding = {
    sharedStrings: sharedStringsXml ? parseSharedStrings(sharedStringsXml, file, sharedStringsPart!) : [],
    dateStyles: stylesXml ? parseDateStyles(stylesXml, file, stylesPart!) : [],
    date1904: info.date1904,
  };
  const sheets: SheetRef[] = [];
  for (const sheet of info.sheets) {
    const part = workbookRels.get(sheet.relId)?.target;
    if (part && zip.has(part)) sheets.push({ name: sheet.name, part });
  }

  return {
    sheets,
    title: coreXml ? parseCoreTitle(coreXml, file, corePart) : undefined,
    async readSheet(sheet) {
      const xml = await zip.read(sheet.part);
      if (!xml) return { name: sheet.name, rows: [] };
      return parseSheetPart(xml, file, sheet.part, sheet.name, decoding);
    },
    close: () => zip.close(),
  };
}

async function readRelationships(zip: ZipArchive, file: string, sourcePart: string) {
  const relsPart = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
  const xml = await zip.read(relsPart);
  return xml ? parseRelationships(xml, file, relsPart, sourcePart) : new Map();
}

function findTarget(relationships: Map<string, { type: string; target: string }>, typeSuffix: string): string | undefined {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(typeSuffix)) return relationship.target;
  }
  return undefined;
}
