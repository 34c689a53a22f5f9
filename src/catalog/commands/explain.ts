// The --explain report: which column became which field, what was ignored and why, what was assumed,
// and the counts.
import { formatMessage, type Lang } from '../../messages/index.js';
import { columnLabel } from '../header/detect.js';
import type { ImportExplanation } from '../import.js';

export function renderExplanation(explanation: ImportExplanation, lang: Lang): string {
  const say = (code: string, args: Record<string, string | number> = {}) => formatMessage(`catalog/${code}`, args, { lang });
  const lines = [say('explain-sheet', { sheet: explanation.sheet, row: explanation.headerRow }), say('explain-columns')];
  for (const column of explanation.columns) lines.push(say('explain-column', { column: columnLabel(column), field: column.field }));
  if (explanation.ignored.length > 0) {
    lines.push(say('explain-ignored'));
    for (const column of explanation.ignored) lines.push(say(`explain-ignored-${column.reason}`, { column: columnLabel(column) }));
  }
  const { stats } = explanation;
  const assumptions: string[] = [];
  if (explanation.natureColumnAbsent) assumptions.push(say('explain-nature-absent'));
  if (stats.natureAssumed > 0) assumptions.push(say('explain-nature-empty', { count: stats.natureAssumed }));
  if (stats.proofTextsWithoutNumber > 0) assumptions.push(say('explain-proof-text-without-number', { count: stats.proofTextsWithoutNumber }));
  if (stats.scenarioTextsWithoutNumber > 0) assumptions.push(say('explain-scenario-text-without-number', { count: stats.scenarioTextsWithoutNumber }));
  if (stats.rowsSkipped > 0) assumptions.push(say('explain-rows-skipped', { count: stats.rowsSkipped }));
  if (explanation.unmatchedMapHeaders.length > 0) {
    assumptions.push(say('explain-map-unmatched', { headers: explanation.unmatchedMapHeaders.map((header) => `« ${header} »`).join(', ') }));
  }
  if (assumptions.length > 0) lines.push(say('explain-assumptions'), ...assumptions);
  lines.push(say('explain-counts', { ...explanation.counts, rows: stats.rowsUsed }));
  return lines.join('\n');
}
