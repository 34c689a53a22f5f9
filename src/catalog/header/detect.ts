// Finds the requirement sheet and its header row by content, not by name or position: the sheet may
// follow a read-me sheet and the header may sit under title rows. The row with the most recognised
// headers wins, provided it names at least an ID and a statement column.
//
// What Excel shows is what segur reads: hidden and very hidden sheets are looked at only when no
// visible sheet has a REM header (an archive copy hidden in front of the live sheet is skipped),
// and when two columns carry the same field the visible one wins over a hidden one.
import { SegurError } from '../../errors.js';
import { cellsInOrder, hiddenColumnTest, type SheetGrid } from '../xlsx/sheet-grid.js';
import { columnLetters } from '../xlsx/cell-ref.js';
import { knownHeaderMeaning, type ColumnField, type IgnoredReason } from './fields.js';
import { normaliseHeader } from './normalise.js';
import type { ColumnsMap } from './columns-map.js';

/** Rows scanned for a header at the top of each sheet. */
export const HEADER_SCAN_ROWS = 20;

/**
 * A header cell longer than this is no REM header (the longest known one has 57 characters): it is
 * reported as unknown without being normalised, so that one 32,767-character shared string repeated
 * over the 20 scanned rows costs nothing.
 */
const MAX_HEADER_LENGTH = 300;

export interface MappedColumn {
  /** 0-based column index. */
  index: number;
  header: string;
  field: Exclude<ColumnField, 'ignore'>;
  /** Set (true) when Excel hides the column. */
  hidden?: true;
}

export interface IgnoredColumn {
  index: number;
  header: string;
  reason: IgnoredReason;
  hidden?: true;
}

export interface HeaderMapping {
  sheet: SheetGrid;
  /** 1-based row number of the header. */
  headerRow: number;
  columns: MappedColumn[];
  ignored: IgnoredColumn[];
}

/**
 * Maps the header cells (`[column index, text]` in column order) to fields. `isHidden` tells which
 * columns Excel hides: a field is taken by its first visible column, a hidden one only when no
 * visible column carries it. Both lists come out in column order.
 */
export function mapHeaderRow(
  cells: readonly (readonly [number, string])[],
  userMap?: ColumnsMap,
  isHidden: (index: number) => boolean = () => false,
): Omit<HeaderMapping, 'sheet' | 'headerRow'> {
  const columns: MappedColumn[] = [];
  const ignored: IgnoredColumn[] = [];
  const taken = new Set<string>();
  const visibleFirst = [...cells.filter(([index]) => !isHidden(index)), ...cells.filter(([index]) => isHidden(index))];
  for (const [index, cell] of visibleFirst) {
    const hidden = isHidden(index) ? ({ hidden: true } as const) : {};
    if (cell.length > MAX_HEADER_LENGTH) {
      ignored.push({ index, header: shownHeader(cell.slice(0, 100)), reason: 'unknown', ...hidden });
      continue;
    }
    const header = cell.replace(/\s+/g, ' ').trim();
    if (header === '') continue;
    const normalised = normaliseHeader(header);
    const userField = userMap?.columns.get(normalised);
    if (userField === 'ignore') {
      ignored.push({ index, header, reason: 'mapped-ignore', ...hidden });
      continue;
    }
    const meaning = userField ? { field: userField } : knownHeaderMeaning(normalised);
    if (!meaning) {
      ignored.push({ index, header, reason: 'unknown', ...hidden });
    } else if ('ignored' in meaning) {
      ignored.push({ index, header, reason: meaning.ignored, ...hidden });
    } else if (taken.has(meaning.field)) {
      ignored.push({ index, header, reason: 'duplicate', ...hidden });
    } else {
      taken.add(meaning.field);
      columns.push({ index, header, field: meaning.field, ...hidden });
    }
  }
  const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
  return { columns: columns.sort(byIndex), ignored: ignored.sort(byIndex) };
}

function isUsable(columns: readonly MappedColumn[]): boolean {
  return columns.some((column) => column.field === 'id') && columns.some((column) => column.field === 'statement');
}

/** The best header among `sheets` (most recognised columns, first one on a tie), if any. */
export function bestHeader(sheets: readonly SheetGrid[], userMap?: ColumnsMap): HeaderMapping | undefined {
  let best: HeaderMapping | undefined;
  for (const sheet of sheets) {
    const isHidden = hiddenColumnTest(sheet);
    for (const row of sheet.rows) {
      if (row.number > HEADER_SCAN_ROWS) break;
      const mapping = mapHeaderRow(cellsInOrder(row), userMap, isHidden);
      if (!isUsable(mapping.columns)) continue;
      if (!best || mapping.columns.length > best.columns.length) best = { sheet, headerRow: row.number, ...mapping };
    }
  }
  return best;
}

/** `bestHeader`, or catalog/no-header naming the first row of each sheet. */
export function findHeader(file: string, sheets: readonly SheetGrid[], userMap?: ColumnsMap): HeaderMapping {
  const best = bestHeader(sheets, userMap);
  if (best) return best;
  throw new SegurError('catalog/no-header', { file, seen: headersSeen(sheets) });
}

/** The first non-empty row of each sheet, for the "no recognisable header" message. */
function headersSeen(sheets: readonly SheetGrid[]): string {
  const lines = sheets.map((sheet) => {
    const first = sheet.rows.find((row) => row.number <= HEADER_SCAN_ROWS && [...row.cells.values()].some((cell) => cell.trim() !== ''));
    const cells = (first ? cellsInOrder(first).map(([, cell]) => cell) : []).filter((cell) => cell.trim() !== '').map(shownHeader);
    const shown = cells.slice(0, 12).join(', ') + (cells.length > 12 ? `, … (+${cells.length - 12})` : '');
    return `  « ${sheet.name} » : ${shown === '' ? '—' : shown}`;
  });
  return lines.join('\n');
}

/** A header cell on one line, cut at 80 characters (a cell may hold 32,767). */
function shownHeader(cell: string): string {
  const line = cell.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export function columnLabel(column: { index: number; header: string }): string {
  return `${columnLetters(column.index)} « ${column.header} »`;
}
