// Finds the requirement sheet and its header row by content, not by name or position: the sheet may
// follow a read-me sheet and the header may sit under title rows. The row with the most recognised
// headers wins, provided it names at least an ID and a statement column.
import { SegurError } from '../../errors.js';
import type { SheetGrid } from '../xlsx/sheet-part.js';
import { columnLetters } from '../xlsx/cell-ref.js';
import { knownHeaderMeaning, type ColumnField, type IgnoredReason } from './fields.js';
import { normaliseHeader } from './normalise.js';
import type { ColumnsMap } from './columns-map.js';

/** Rows scanned for a header at the top of each sheet. */
export const HEADER_SCAN_ROWS = 20;

export interface MappedColumn {
  /** 0-based column index. */
  index: number;
  header: string;
  field: Exclude<ColumnField, 'ignore'>;
}

export interface IgnoredColumn {
  index: number;
  header: string;
  reason: IgnoredReason;
}

export interface HeaderMapping {
  sheet: SheetGrid;
  /** 1-based row number of the header. */
  headerRow: number;
  columns: MappedColumn[];
  ignored: IgnoredColumn[];
}

export function mapHeaderRow(cells: readonly string[], userMap?: ColumnsMap): Omit<HeaderMapping, 'sheet' | 'headerRow'> {
  const columns: MappedColumn[] = [];
  const ignored: IgnoredColumn[] = [];
  const taken = new Set<string>();
  cells.forEach((cell, index) => {
    const header = cell.replace(/\s+/g, ' ').trim();
    if (header === '') return;
    const normalised = normaliseHeader(header);
    const userField = userMap?.columns.get(normalised);
    if (userField === 'ignore') {
      ignored.push({ index, header, reason: 'mapped-ignore' });
      return;
    }
    const meaning = userField ? { field: userField } : knownHeaderMeaning(normalised);
    if (!meaning) {
      ignored.push({ index, header, reason: 'unknown' });
    } else if ('ignored' in meaning) {
      ignored.push({ index, header, reason: meaning.ignored });
    } else if (taken.has(meaning.field)) {
      ignored.push({ index, header, reason: 'duplicate' });
    } else {
      taken.add(meaning.field);
      columns.push({ index, header, field: meaning.field });
    }
  });
  return { columns, ignored };
}

function isUsable(columns: readonly MappedColumn[]): boolean {
  return columns.some((column) => column.field === 'id') && columns.some((column) => column.field === 'statement');
}

export function findHeader(file: string, sheets: readonly SheetGrid[], userMap?: ColumnsMap): HeaderMapping {
  let best: HeaderMapping | undefined;
  for (const sheet of sheets) {
    const scanned = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
    for (let index = 0; index < scanned; index++) {
      const cells = sheet.rows[index];
      if (!cells) continue;
      const mapping = mapHeaderRow(cells, userMap);
      if (!isUsable(mapping.columns)) continue;
      if (!best || mapping.columns.length > best.columns.length) best = { sheet, headerRow: index + 1, ...mapping };
    }
  }
  if (best) return best;
  throw new SegurError('catalog/no-header', { file, seen: headersSeen(sheets) });
}

/** The first non-empty row of each sheet, for the "no recognisable header" message. */
function headersSeen(sheets: readonly SheetGrid[]): string {
  const lines = sheets.map((sheet) => {
    const first = sheet.rows.slice(0, HEADER_SCAN_ROWS).find((row) => row?.some((cell) => cell.trim() !== ''));
    const cells = (first ?? []).filter((cell) => cell.trim() !== '').map((cell) => cell.replace(/\s+/g, ' ').trim());
    const shown = cells.slice(0, 12).join(', ') + (cells.length > 12 ? `, … (+${cells.length - 12})` : '');
    return `  « ${sheet.name} » : ${shown === '' ? '—' : shown}`;
  });
  return lines.join('\n');
}

export function columnLabel(column: { index: number; header: string }): string {
  return `${columnLetters(column.index)} « ${column.header} »`;
}
