// One worksheet part → a sparse grid of cell texts. Every value becomes text the way a reader sees
// it: shared and inline strings (rich runs joined), numbers, booleans, dates as ISO dates, control
// characters from pastes replaced. Vertically merged cells hold their value only in the top cell:
// it is copied down into the rows of the range that exist. Hidden rows and columns are noted.
//
// Work is bounded by the cells present (limits.ts): a range claiming a million rows costs the rows
// that are really there, each fill counts against the workbook's cell budget.
import { SegurError } from '../../errors.js';
import { localName, parseXmlPart } from './safe-xml.js';
import { excelDateToIso } from './number-format.js';
import { MAX_COLUMNS, MAX_ROWS, columnLetters, parseCellRef, type CellPosition } from './cell-ref.js';
import { decodeXString } from './xstring.js';
import { replaceControlCharacters } from './pasted-text.js';
import { firstRowAfter, type ColumnRange, type SheetGrid, type SheetRow, type SheetState } from './sheet-grid.js';
import type { CellBudget } from './limits.js';

export interface CellDecoding {
  sharedStrings: readonly string[];
  /** Indexes of shared strings whose text had control characters replaced. */
  cleanedSharedStrings: ReadonlySet<number>;
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface SheetSource {
  file: string;
  part: string;
  name: string;
  state: SheetState;
}

interface CellState {
  row: number;
  column: number;
  type: string;
  style: number;
  /** `<v>` and inline `<t>` text, chunk by chunk, with its running length (capped). */
  value: string[];
  inline: string[];
  length: number;
}

interface Merge {
  start: CellPosition;
  end: CellPosition;
}

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

export function parseSheetPart(xml: Uint8Array, source: SheetSource, decoding: CellDecoding, budget: CellBudget): SheetGrid {
  const { file, part, name } = source;
  const { limits } = budget;
  const rowsByNumber = new Map<number, SheetRow>();
  const merges: Merge[] = [];
  const hiddenColumns: ColumnRange[] = [];
  let mergeCount = 0;
  let columnRangeCount = 0;
  let cellsWithControlCharacters = 0;
  let currentRow = 0;
  let currentRowHidden = false;
  let nextColumn = 0;
  let cell: CellState | undefined;
  let textTarget: string[] | undefined;
  let phoneticDepth = 0;

  const limitError = (code: string, args: Record<string, string | number>) => new SegurError(code, { file, sheet: name, ...args });

  const storeCell = (state: CellState): void => {
    const raw = cellText(state, decoding);
    if (raw === '' || state.row < 1 || state.row > MAX_ROWS || state.column >= MAX_COLUMNS) return;
    const cleaned = replaceControlCharacters(raw);
    if (cleaned !== undefined || (state.type === 's' && decoding.cleanedSharedStrings.has(Number(state.value.join(''))))) cellsWithControlCharacters++;
    const text = cleaned ?? raw;
    let row = rowsByNumber.get(state.row);
    if (!row) {
      if (rowsByNumber.size >= limits.maxRows) throw limitError('catalog/limit-rows', { max: limits.maxRows });
      row = { number: state.row, cells: new Map(), hidden: false };
      rowsByNumber.set(state.row, row);
    }
    if (currentRowHidden && state.row === currentRow) row.hidden = true;
    if (!row.cells.has(state.column)) countCell(budget, file, name);
    row.cells.set(state.column, text);
  };

  parseXmlPart(xml, file, part, {
    open(tag) {
      switch (localName(tag.name)) {
        case 'row': {
          const declared = Number(tag.attributes.r);
          currentRow = tag.attributes.r !== undefined && Number.isInteger(declared) && declared >= 1 && declared <= MAX_ROWS ? declared : currentRow + 1;
          currentRowHidden = isTrue(tag.attributes.hidden);
          nextColumn = 0;
          break;
        }
        case 'c': {
          const position = tag.attributes.r ? parseCellRef(tag.attributes.r) : undefined;
          const column = position?.column ?? nextColumn;
          cell = { row: position?.row ?? currentRow, column, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: [], inline: [], length: 0 };
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
        case 'mergeCell': {
          if (++mergeCount > limits.maxMergedRanges) throw limitError('catalog/limit-merged-ranges', { max: limits.maxMergedRanges });
          const merge = parseRange(tag.attributes.ref);
          if (merge && merge.end.row > merge.start.row) merges.push(merge);
          break;
        }
        case 'col': {
          if (++columnRangeCount > limits.maxColumnRanges) throw limitError('catalog/limit-column-ranges', { max: limits.maxColumnRanges });
          const min = Number(tag.attributes.min);
          const max = Number(tag.attributes.max);
          if (isTrue(tag.attributes.hidden) && Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) {
            hiddenColumns.push({ min: min - 1, max: Math.min(max, MAX_COLUMNS) - 1 });
          }
          break;
        }
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
          if (cell) storeCell(cell);
          cell = undefined;
          break;
      }
    },
    text(text) {
      if (!textTarget || !cell) return;
      cell.length += text.length;
      if (cell.length > limits.maxCellText) {
        throw limitError('catalog/limit-cell-text', { cell: `${columnLetters(cell.column)}${cell.row}`, max: limits.maxCellText });
      }
      textTarget.push(text);
    },
  });

  const rows = [...rowsByNumber.values()].sort((a, b) => a.number - b.number);
  fillMergedCellsDown(rows, merges, budget, file, name);
  return { name, state: source.state, rows, hiddenColumns, cellsWithControlCharacters };
}

function countCell(budget: CellBudget, file: string, sheet: string): void {
  if (++budget.cellsUsed > budget.limits.maxCells) throw new SegurError('catalog/limit-cells', { file, sheet, max: budget.limits.maxCells });
}

function parseRange(ref: string | undefined): Merge | undefined {
  if (!ref) return undefined;
  const [from, to] = ref.split(':');
  const start = from ? parseCellRef(from) : undefined;
  const end = to ? parseCellRef(to) : undefined;
  return start && end ? { start, end } : undefined;
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

/**
 * Copies the top cell of each vertical merged range down its first column (the only cell Excel
 * keeps a value in), into the rows of the range that hold cells of their own: an empty row adds
 * nothing to the catalog, and a range's claimed extent costs nothing. Each copy counts as a cell.
 */
function fillMergedCellsDown(rows: readonly SheetRow[], merges: readonly Merge[], budget: CellBudget, file: string, sheet: string): void {
  if (merges.length === 0 || rows.length === 0) return;
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  for (const { start, end } of merges) {
    const value = byNumber.get(start.row)?.cells.get(start.column);
    if (value === undefined) continue;
    for (let index = firstRowAfter(rows, start.row); index < rows.length && rows[index]!.number <= end.row; index++) {
      countCell(budget, file, sheet);
      rows[index]!.cells.set(start.column, value);
    }
  }
}
