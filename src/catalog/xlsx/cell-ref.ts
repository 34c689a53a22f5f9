// A1-style cell references ↔ zero-based column/row numbers, within Excel's own bounds.
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

export interface CellPosition {
  /** 1-based, as Excel shows it. */
  row: number;
  /** 0-based. */
  column: number;
}

export function parseCellRef(ref: string): CellPosition | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  const column = columnIndex(match[1]!);
  const row = Number(match[2]);
  if (column >= MAX_COLUMNS || row < 1 || row > MAX_ROWS) return undefined;
  return { row, column };
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
