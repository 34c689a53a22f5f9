// CSV (RFC 4180): the checklist table, comma-separated, CRLF line ends, UTF-8 with a BOM so that
// Excel shows accents right. Text cells go through the formula-injection guard.
import type { ReportContext } from '../model.js';
import { checklistTable, type Cell } from '../render/checklist-table.js';
import { inertText } from '../render/spreadsheet-text.js';

const BOM = '\uFEFF';

export function render(context: ReportContext): string {
  const table = checklistTable(context);
  const records = [table.headers, ...table.rows.map((row) => row.cells)];
  return BOM + records.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(cell: Cell): string {
  const text = typeof cell === 'number' ? String(cell) : inertText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
