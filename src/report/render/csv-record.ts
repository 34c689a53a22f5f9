// RFC 4180 records: comma-separated, CRLF line ends, fields quoted when needed, text through the
// formula-injection guard; a BOM first so Excel reads UTF-8 accents right.
import { inertText } from './spreadsheet-text.js';

export type CsvCell = string | number;

const BOM = '\uFEFF';

export function csvDocument(records: readonly (readonly CsvCell[])[]): string {
  return BOM + records.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(cell: CsvCell): string {
  const text = typeof cell === 'number' ? String(cell) : inertText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
