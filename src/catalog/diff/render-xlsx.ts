// Excel workbook of a catalog diff: sheet of requirements (one row per paired, added or removed
// requirement, word diffs as rich text: removed words struck through in red, added ones underlined in
// green), sheet of scenarios and proofs that changed, and the bundle impact when asked. exceljs is
// heavy: this module is only loaded for `--format xlsx:FILE`. Deterministic like the report's xlsx.
import ExcelJS from 'exceljs';
import { inertText } from '../../report/render/spreadsheet-text.js';
import { stripXmlInvalid } from '../../report/render/escape.js';
import { normaliseZipTimestamps } from '../../report/render/zip-timestamps.js';
import { changeLines, fieldLine, matchLabel, plainWords, requirementOf, type DiffContext } from './describe.js';
import type { WordSegment } from './model.js';

/** Stands for "no date" in the workbook properties, which exceljs always writes. */
const UNDATED = new Date(Date.UTC(1980, 0, 1));
const HEADER_FILL = 'FF1F3A5F';

export async function renderDiffXlsx(context: DiffContext): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'segur';
  workbook.lastModifiedBy = 'segur';
  workbook.created = UNDATED;
  workbook.modified = UNDATED;
  addRequirementsSheet(workbook, context);
  addItemsSheet(workbook, context);
  if (context.diff.bundle) addBundleSheet(workbook, context);
  const buffer = await workbook.xlsx.writeBuffer();
  return normaliseZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

function addRequirementsSheet(workbook: ExcelJS.Workbook, context: DiffContext): void {
  const { t } = context;
  const sheet = newSheet(workbook, t('diff/xlsx.sheet-requirements'), [
    [t('diff/xlsx.column.status'), 14],
    [t('diff/xlsx.column.old'), 16],
    [t('diff/xlsx.column.new'), 16],
    [t('diff/xlsx.column.match'), 24],
    [t('diff/xlsx.column.nature'), 16],
    [t('diff/xlsx.column.function'), 30],
    [t('diff/xlsx.column.changes'), 60],
    [t('diff/xlsx.column.statement'), 80],
  ]);
  for (const entry of context.diff.requirements) {
    const statement = entry.changes.find((change) => change.field === 'statement');
    const others = entry.changes.filter((change) => change.field !== 'statement').map((change) => fieldLine(t, change).text);
    const items = changeLines(t, { ...entry, changes: [] }).map((line) => (line.words ? `${line.text} ${plainWords(line.words)}` : line.text));
    const row = sheet.addRow([
      t(`diff/status.${entry.status}`),
      cellText(entry.old ?? ''),
      cellText(entry.new ?? ''),
      entry.match && entry.status !== 'added' ? cellText(matchLabel(t, entry.match)) : '',
      entry.nature,
      cellText(requirementOf(context, entry)?.function ?? ''),
      cellText([...others, ...items.map((line) => line.trim())].join('\n')),
      statement && statement.field === 'statement' ? richWords(statement.words) : cellText(requirementOf(context, entry)?.statement ?? ''),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

function addItemsSheet(workbook: ExcelJS.Workbook, context: DiffContext): void {
  const { t } = context;
  const sheet = newSheet(workbook, t('diff/xlsx.sheet-items'), [
    [t('diff/xlsx.column.requirement'), 16],
    [t('diff/xlsx.column.kind'), 12],
    [t('diff/xlsx.column.status'), 14],
    [t('diff/xlsx.column.old'), 20],
    [t('diff/xlsx.column.new'), 20],
    [t('diff/xlsx.column.match'), 24],
    [t('diff/xlsx.column.text'), 80],
  ]);
  for (const entry of context.diff.requirements) {
    for (const [kind, items] of [
      ['scenario', entry.scenarios],
      ['proof', entry.proofs],
    ] as const) {
      for (const item of items) {
        if (item.status === 'unchanged') continue;
        const row = sheet.addRow([
          cellText((entry.new ?? entry.old)!),
          t(`diff/xlsx.kind.${kind}`),
          t(`diff/item-status.${item.status}`),
          cellText(item.old ?? ''),
          cellText(item.new ?? ''),
          item.match ? cellText(matchLabel(t, item.match)) : '',
          item.text ? richWords(item.text) : '',
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
}

function addBundleSheet(workbook: ExcelJS.Workbook, context: DiffContext): void {
  const { t } = context;
  const sheet = newSheet(workbook, t('diff/xlsx.sheet-bundle'), [
    [t('diff/xlsx.column.requirement'), 24],
    [t('diff/xlsx.column.declared'), 14],
    [t('diff/xlsx.column.status'), 16],
    [t('diff/xlsx.column.old'), 20],
    [t('diff/xlsx.column.new'), 20],
    [t('diff/xlsx.column.files'), 60],
  ]);
  for (const requirement of context.diff.bundle!.requirements) {
    const ids = [requirement.old, requirement.new].filter((id, index, all) => id !== undefined && all.indexOf(id) === index).join(' → ');
    for (const proof of requirement.proofs) {
      const row = sheet.addRow([
        cellText(ids),
        requirement.declared ?? '',
        t(`diff/proof-status.${proof.status}`),
        cellText(proof.old ?? ''),
        cellText(proof.new ?? ''),
        cellText(proof.files.join('\n')),
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
}

function newSheet(workbook: ExcelJS.Workbook, name: string, columns: [string, number][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  return sheet;
}

/** REM and bundle texts in a cell: no formula, nothing XML cannot carry. */
function cellText(text: string): string {
  return inertText(stripXmlInvalid(text));
}

function richWords(words: readonly WordSegment[]): ExcelJS.CellRichTextValue {
  return {
    richText: words.map((segment) => ({
      text: stripXmlInvalid(segment.text),
      font:
        segment.op === '-'
          ? { strike: true, color: { argb: 'FF9C0006' } }
          : segment.op === '+'
            ? { underline: true, bold: true, color: { argb: 'FF006100' } }
            : {},
    })),
  };
}
