// RFC 4180 records: CRLF line ends, fields quoted when needed, text through the formula-injection
// guard; a BOM first so Excel reads UTF-8 accents right. The separator is `;` in French — what Excel
// splits on under a French locale (its list separator, the comma being the decimal mark) — and `,`
// in English, unless the user chose (`--csv-separator`, ReportContext.csvSeparator).
import type { Lang } from '../../messages/index.js';
import { neutraliseControls } from './escape.js';
import { inertText } from './spreadsheet-text.js';

export type CsvCell = string | number;

const BOM = '\uFEFF';

export function csvSeparatorFor(lang: Lang): string {
  return lang === 'fr' ? ';' : ',';
}

export function csvDocument(records: readonly (readonly CsvCell[])[], separator: string): string {
  return BOM + records.map((cells) => cells.map((cell) => csvField(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}

function csvField(cell: CsvCell, separator: string): string {
  // Controls shown as escapes; a line break inside a cell is LF (what Excel writes), CRLF ending records only.
  const text = typeof cell === 'number' ? String(cell) : inertText(neutraliseControls(cell).replace(/\r\n?/g, '\n'));
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
