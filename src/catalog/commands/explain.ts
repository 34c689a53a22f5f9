// The --explain report: which sheet and why, which column became which field, what was ignored and
// why, what Excel hides that was read anyway, what was assumed or replaced, and the counts.
import { formatMessage, type Lang } from '../../messages/index.js';
import { columnLabel } from '../header/detect.js';
import type { ImportExplanation } from '../import.js';
import { appendAll } from '../../util/append.js';

/** Row numbers listed in full up to this many ranges (`12-15, 30, …`). */
const MAX_ROW_RANGES = 20;

export function renderExplanation(explanation: ImportExplanation, lang: Lang): string {
  const say = (code: string, args: Record<string, string | number> = {}) => formatMessage(`catalog/${code}`, args, { lang });
  const lines = [say('explain-sheet', { sheet: explanation.sheet, row: explanation.headerRow })];
  if (explanation.sheetState !== 'visible') {
    lines.push(say(explanation.sheetForced ? 'explain-sheet-hidden-forced' : 'explain-sheet-hidden-fallback', { state: say(`explain-state-${explanation.sheetState}`) }));
  }
  if (explanation.hiddenSheetsSkipped.length > 0) {
    const sheets = explanation.hiddenSheetsSkipped.map((sheet) => `« ${sheet.name} » (${say(`explain-state-${sheet.state}`)})`).join(', ');
    lines.push(say('explain-hidden-sheets-skipped', { sheets }));
  }
  const hiddenMark = (column: { hidden?: true }) => (column.hidden ? say('explain-column-hidden') : '');
  lines.push(say('explain-columns'));
  for (const column of explanation.columns) lines.push(say('explain-column', { column: columnLabel(column), field: column.field }) + hiddenMark(column));
  if (explanation.ignored.length > 0) {
    lines.push(say('explain-ignored'));
    for (const column of explanation.ignored) lines.push(say(`explain-ignored-${column.reason}`, { column: columnLabel(column) }) + hiddenMark(column));
  }
  const { stats } = explanation;
  const assumptions: string[] = [];
  if (explanation.natureColumnAbsent) assumptions.push(say('explain-nature-absent'));
  if (stats.natureAssumed > 0) assumptions.push(say('explain-nature-empty', { count: stats.natureAssumed }));
  if (stats.proofTextsWithoutNumber > 0) assumptions.push(say('explain-proof-text-without-number', { count: stats.proofTextsWithoutNumber }));
  if (stats.scenarioTextsWithoutNumber > 0) assumptions.push(say('explain-scenario-text-without-number', { count: stats.scenarioTextsWithoutNumber }));
  if (stats.rowsSkipped > 0) assumptions.push(say('explain-rows-skipped', { count: stats.rowsSkipped }));
  if (stats.hiddenRowsUsed.length > 0) assumptions.push(say('explain-hidden-rows', { count: stats.hiddenRowsUsed.length, rows: rowRanges(stats.hiddenRowsUsed) }));
  if (explanation.cellsWithControlCharacters > 0) assumptions.push(say('explain-control-characters', { count: explanation.cellsWithControlCharacters }));
  if (explanation.unmatchedMapHeaders.length > 0) {
    assumptions.push(say('explain-map-unmatched', { headers: explanation.unmatchedMapHeaders.map((header) => `« ${header} »`).join(', ') }));
  }
  if (assumptions.length > 0) appendAll(lines, [say('explain-assumptions'), ...assumptions]);
  lines.push(say('explain-counts', { ...explanation.counts, rows: stats.rowsUsed }));
  return lines.join('\n');
}

/** Ascending row numbers as ranges: [3, 4, 5, 9] → `3-5, 9`; past MAX_ROW_RANGES, `…`. */
export function rowRanges(rows: readonly number[]): string {
  const ranges: string[] = [];
  let index = 0;
  while (index < rows.length && ranges.length < MAX_ROW_RANGES) {
    const first = rows[index]!;
    let last = first;
    while (index + 1 < rows.length && rows[index + 1] === last + 1) last = rows[++index]!;
    ranges.push(first === last ? String(first) : `${first}-${last}`);
    index++;
  }
  return index < rows.length ? `${ranges.join(', ')}, …` : ranges.join(', ');
}
