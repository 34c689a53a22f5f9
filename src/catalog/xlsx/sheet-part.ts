// One worksheet part → a grid of cell texts (row 1 first). Every value becomes text the way a reader
// sees it: shared and inline strings (rich runs joined), numbers, booleans, dates as ISO dates.
// Vertically merged cells hold their value only in the top cell: it is filled down here.
import { localName, parseXmlPart } from './safe-xml.js';
import { excelDateToIso } from './number-format.js';
import { isValidRowNumber, parseCellRef } from './cell-ref.js';
import { decodeXString } from './xstring.js';

export interface SheetGrid {
  name: string;
  /** `rows[i]` holds the cells of row i + 1 (undefined for an empty row); absent cells are ''. */
  rows: (string[] | undefined)[];
}

export interface CellDecoding {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

interface CellState {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string[];
  inline: string[];
}

export function parseSheetPart(xml: Buffer, file: string, part: string, name: string, decoding: CellDecoding): SheetGrid {
  const rows: (string[] | undefined)[] = [];
  const merges: string[] = [];
  let currentRow = 0;
  let nextColumn = 0;
  let cell: CellState | undefined;
  let textTarget: string[] | undefined;
  let phoneticDepth = 0;

  parseXmlPart(xml, file, part, {
    open(tag) {
      switch (localName(tag.name)) {
        case 'row': {
          const declared = Number(tag.attributes.r);
          currentRow = tag.attributes.r !== undefined && isValidRowNumber(declared) ? declared : currentRow + 1;
          nextColumn = 0;
          break;
        }
        case 'c': {
          const position = tag.attributes.r ? parseCellRef(tag.attributes.r) : undefined;
          const column = position?.column ?? nextColumn;
          cell = { row: position?.row ?? currentRow, column, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: [], inline: [] };
          nextColumn = column + 1;
          break;
        }
        case 'v':
          textTarget = cell?.value;
          break;
        case 'rPh':
          phoneticDepth++;
          break;
        case 't':
          if (cell && phoneticDepth === 0) textTarget = cell.inline;
          break;
        case 'mergeCell':
          if (tag.attributes.ref) merges.push(tag.attributes.ref);
          break;
      }
    },
    close(tagName) {
      switch (localName(tagName)) {
        case 'v':
        case 't':
          textTarget = undefined;
          break;
        case 'rPh':
          phoneticDepth--;
          break;
        case 'c':
          if (cell) storeCell(rows, cell, decoding);
          cell = undefined;
          break;
      }
    },
    text(text) {
      textTarget?.push(text);
    },
  });

  fillMergedCellsDown(rows, merges);
  return { name, rows };
}

function storeCell(rows: (string[] | undefined)[], cell: CellState, decoding: CellDecoding): void {
  const text = cellText(cell, decoding);
  if (text === '' || cell.row < 1) return;
  const row = (rows[cell.row - 1] ??= []);
  while (row.length < cell.column) row.push('');
  row[cell.column] = text;
}

function cellText(cell: CellState, decoding: CellDecoding): string {
  const raw = cell.value.join('');
  switch (cell.type) {
    case 's':
      return decoding.sharedStrings[Number(raw)] ?? '';
    case 'inlineStr':
      return decodeXString(cell.inline.join(''));
    case 'str':
      return decodeXString(raw);
    case 'e':
      return raw;
    case 'b':
      return raw === '1' ? 'VRAI' : raw === '0' ? 'FAUX' : raw;
    case 'd':
      return raw.endsWith('T00:00:00') || raw.endsWith('T00:00:00Z') ? raw.slice(0, 10) : raw;
    default: {
      if (raw === '') return cell.inline.join('');
      const number = Number(raw);
      if (!Number.isFinite(number)) return raw;
      return decoding.dateStyles[cell.style] ? excelDateToIso(number, decoding.date1904) : String(number);
    }
  }
}

/** Copies the top cell of each merged range down its first column (the only cell Excel keeps a value in). */
function fillMergedCellsDown(rows: (string[] | undefined)[], merges: readonly string[]): void {
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const start = from ? parseCellRef(from) : undefined;
    const end = to ? parseCellRef(to) : undefined;
    if (!start || !end || end.row <= start.row) continue;
    const value = rows[start.row - 1]?.[start.column] ?? '';
    if (value === '') continue;
    // Ranges reaching past the last written row add nothing but memory.
    const lastRow = Math.min(end.row, rows.length);
    for (let rowNumber = start.row + 1; rowNumber <= lastRow; rowNumber++) {
      const row = (rows[rowNumber - 1] ??= []);
      while (row.length < start.column) row.push('');
      row[start.column] = value;
    }
  }
}
