// Excel workbook: sheet `Synthèse` first (what was checked, the counts), then `Checklist` (one row per
// expected proof, Convergence columns first, each proof with its own status beside the requirement's
// verdict). Both print landscape, fitted to the page width, the header row repeated on every page.
// exceljs is heavy: this module is only loaded when the xlsx format is asked for. Deterministic: no
// creation date unless the report has one, zip entries stamped with the zip epoch.
import ExcelJS from 'exceljs';
import type { ReportContext, Verdict } from '../model.js';
import { VERDICTS } from '../model.js';
import { CHECKLIST_COLUMNS, checklistTable, type ChecklistColumn } from '../render/checklist-table.js';
import type { ProofState } from '../render/proof-rows.js';
import { inertText } from '../render/spreadsheet-text.js';
import { neutraliseControls, stripXmlInvalid } from '../render/escape.js';
import { normaliseZipTimestamps } from '../render/zip-timestamps.js';
import { translator, verdictLabel, type Translate } from '../render/wording.js';
import { bundleFacts } from '../render/bundle-facts.js';

/** Stands for "no date" in the workbook properties, which exceljs always writes. */
export const UNDATED = new Date(Date.UTC(1980, 0, 1));

const WIDTHS: Record<ChecklistColumn, number> = {
  scope: 10,
  id: 14,
  chapter: 24,
  function: 24,
  statement: 60,
  profile: 14,
  'scenario-id': 16,
  scenario: 44,
  'proof-id': 20,
  proof: 36,
  files: 44,
  sha256: 68,
  size: 12,
  'proof-status': 14,
  verdict: 15,
  findings: 70,
};

export const HEADER_FILL = 'FF1F3A5F';
const STATE_COLOURS: Record<ProofState, { fill: string; font: string }> = {
  present: { fill: 'FFC6EFCE', font: 'FF006100' },
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  missing: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  'not-applicable': { fill: 'FFEDEDED', font: 'FF4D4D4D' },
  'no-proof': { fill: 'FFEDEDED', font: 'FF4D4D4D' },
};
/** Landscape, as wide as the page and as long as it takes, header row on every page (A4). */
const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
};
export const VERDICT_COLOURS: Record<Verdict, { fill: string; font: string }> = {
  conforme: { fill: 'FFC6EFCE', font: 'FF006100' },
  'non-conforme': { fill: 'FFFFC7CE', font: 'FF9C0006' },
  incomplet: { fill: 'FFFFEB9C', font: 'FF7A4F00' },
  'non-applicable': { fill: 'FFEDEDED', font: 'FF4D4D4D' },
};

export async function render(context: ReportContext): Promise<Uint8Array> {
  const t = translator(context.lang, context.revealIdentifiers);
  const workbook = new ExcelJS.Workbook();
  const date = context.report.date === undefined ? UNDATED : new Date(context.report.date);
  workbook.creator = 'segur';
  workbook.lastModifiedBy = 'segur';
  workbook.created = date;
  workbook.modified = date;
  addSummarySheet(workbook, context, t);
  addChecklistSheet(workbook, context);
  const buffer = await workbook.xlsx.writeBuffer();
  return normaliseZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

function addChecklistSheet(workbook: ExcelJS.Workbook, context: ReportContext): void {
  const table = checklistTable(context);
  const sheet = workbook.addWorksheet('Checklist', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT_SETUP });
  sheet.columns = CHECKLIST_COLUMNS.map((column, index) => ({ header: table.headers[index]!, key: column, width: WIDTHS[column] }));
  styleHeader(sheet.getRow(1));
  const verdictColumn = CHECKLIST_COLUMNS.indexOf('verdict') + 1;
  const stateColumn = CHECKLIST_COLUMNS.indexOf('proof-status') + 1;
  const sizeColumn = CHECKLIST_COLUMNS.indexOf('size') + 1;
  for (const { verdict, state, cells } of table.rows) {
    const row = sheet.addRow(cells.map((cell) => (typeof cell === 'number' ? cell : cellText(cell))));
    row.alignment = { vertical: 'top', wrapText: true };
    paint(row.getCell(verdictColumn), VERDICT_COLOURS[verdict]);
    paint(row.getCell(stateColumn), STATE_COLOURS[state]);
    // The header says the unit (octets); the digits are grouped, the number stays a number.
    row.getCell(sizeColumn).numFmt = '#,##0';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CHECKLIST_COLUMNS.length } };
}

function addSummarySheet(workbook: ExcelJS.Workbook, context: ReportContext, t: Translate): void {
  const { report } = context;
  // Sheet names are part of the contract (scripts read them): not translated.
  const { printTitlesRow: _none, ...summarySetup } = PRINT_SETUP;
  const sheet = workbook.addWorksheet('Synthèse', { pageSetup: summarySetup });
  sheet.columns = [{ width: 28 }, { width: 60 }];
  for (const [label, value] of bundleFacts(context, t)) {
    const row = sheet.addRow([label, cellText(value)]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow([t('report/column.verdict'), t('report/column.count')]);
  styleHeader(header);
  for (const verdict of VERDICTS) {
    const row = sheet.addRow([verdictLabel(t, verdict), report.summary[verdict]]);
    const colours = VERDICT_COLOURS[verdict];
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
    row.getCell(1).font = { color: { argb: colours.font } };
  }
  sheet.addRow([t('report/total'), report.summary.requirements]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([t('report/severity.error'), report.summary.errors]);
  sheet.addRow([t('report/severity.warning'), report.summary.warnings]);
}

/** Inert (no formula), storable (U+FFFE/U+FFFF out) and with controls and bidi overrides shown as escapes. */
export function cellText(text: string): string {
  return inertText(stripXmlInvalid(neutraliseControls(text)));
}

function paint(cell: ExcelJS.Cell, colours: { fill: string; font: string }): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
  cell.font = { bold: true, color: { argb: colours.font } };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  row.alignment = { vertical: 'middle', wrapText: true };
}
