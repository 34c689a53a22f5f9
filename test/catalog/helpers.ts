// Shared by the catalog tests: fixture paths and a way to capture the SegurError an import throws.
import { fileURLToPath } from 'node:url';
import { isSegurError, type SegurError } from '../../src/errors.js';
import { catalogCounts } from '../../src/catalog/counts.js';
import type { Catalog } from '../../src/catalog/schema.js';
import type { SheetGrid, SheetRow } from '../../src/catalog/xlsx/sheet-grid.js';

export const remFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/rem/${name}`, import.meta.url));
export const columnsFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/columns/${name}`, import.meta.url));

export async function segurErrorOf(promise: Promise<unknown>): Promise<SegurError> {
  try {
    await promise;
  } catch (error) {
    if (isSegurError(error)) return error;
    throw error;
  }
  throw new Error('expected a SegurError, the call succeeded');
}

export function countsOf(catalog: Catalog) {
  return catalogCounts(catalog.requirements);
}

/** A sparse grid from dense rows (`rows[i]` is row i + 1; '' and undefined are empty), for the header and assembly tests. */
export function gridOf(name: string, rows: readonly (readonly string[] | undefined)[], extra: Partial<SheetGrid> = {}): SheetGrid {
  const sparse: SheetRow[] = [];
  rows.forEach((cells, index) => {
    const map = new Map<number, string>();
    cells?.forEach((cell, column) => {
      if (cell !== '') map.set(column, cell);
    });
    if (map.size > 0) sparse.push({ number: index + 1, cells: map, hidden: false });
  });
  return { name, state: 'visible', rows: sparse, hiddenColumns: [], cellsWithControlCharacters: 0, ...extra };
}

/** The grid's rows as dense arrays again (row i + 1 at index i; undefined for an absent row). */
export function denseRows(grid: SheetGrid): (string[] | undefined)[] {
  const dense: (string[] | undefined)[] = [];
  for (const row of grid.rows) {
    while (dense.length < row.number - 1) dense.push(undefined);
    const cells: string[] = [];
    for (const [column, text] of [...row.cells.entries()].sort((a, b) => a[0] - b[0])) {
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    dense.push(cells);
  }
  return dense;
}
