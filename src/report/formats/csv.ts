// CSV (RFC 4180): the checklist table, CRLF line ends, UTF-8 with a BOM so that Excel shows accents
// right, `;`-separated in French and `,` in English unless chosen (render/csv-record.ts). Text cells
// go through the formula-injection guard.
import type { ReportContext } from '../model.js';
import { checklistTable } from '../render/checklist-table.js';
import { csvDocument, csvSeparatorFor } from '../render/csv-record.js';

export function render(context: ReportContext): string {
  const table = checklistTable(context);
  return csvDocument([table.headers, ...table.rows.map((row) => row.cells)], context.csvSeparator ?? csvSeparatorFor(context.lang));
}
