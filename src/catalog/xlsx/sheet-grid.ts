// A worksheet as the importer sees it: only the cells that hold text, row by row (sparse: a cell at
// XFD1048576 costs one map entry, not a million rows), with what Excel hides from its user.

/** `state` of a `<sheet>` in xl/workbook.xml (ECMA-376 Part 1, §18.18.68 ST_SheetState). */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  number: number;
  /** 0-based column index → cell text (never ''); insertion order is not column order. */
  cells: Map<number, string>;
  /** `<row hidden="1">`: hidden by hand, by a filter or in a collapsed group. */
  hidden: boolean;
}

/** Columns `min`…`max` (0-based, inclusive) of one `<col hidden="1">` element. */
export interface ColumnRange {
  min: number;
  max: number;
}

export interface SheetGrid {
  name: string;
  state: SheetState;
  /** Rows holding at least one cell, in ascending row number. */
  rows: SheetRow[];
  hiddenColumns: ColumnRange[];
  /** Cells whose text had control characters replaced (pasted-text.ts). */
  cellsWithControlCharacters: number;
}

/**
 * Whether Excel hides a column of `grid`, as a function: ranges are sorted and merged once, then
 * each question is a binary search (a sheet may declare thousands of `<col>` ranges).
 */
export function hiddenColumnTest(grid: Pick<SheetGrid, 'hiddenColumns'>): (index: number) => boolean {
  if (grid.hiddenColumns.length === 0) return () => false;
  const sorted = [...grid.hiddenColumns].sort((a, b) => a.min - b.min);
  const merged: ColumnRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.min <= last.max + 1) last.max = Math.max(last.max, range.max);
    else merged.push({ ...range });
  }
  return (index) => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (merged[middle]!.max < index) low = middle + 1;
      else high = middle;
    }
    return low < merged.length && merged[low]!.min <= index;
  };
}

/** The row's cells as [index, text] pairs in column order. */
export function cellsInOrder(row: SheetRow): [number, string][] {
  return [...row.cells.entries()].sort((a, b) => a[0] - b[0]);
}

/** Index of the first row whose number is greater than `rowNumber` (binary search). */
export function firstRowAfter(rows: readonly SheetRow[], rowNumber: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.number <= rowNumber) low = middle + 1;
    else high = middle;
  }
  return low;
}
