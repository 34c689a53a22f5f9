// Inline SVG bar chart of the verdict counts (no script, no external resource; integer geometry so
// the markup is identical across runs).
import type { ReportSummary } from '../model.js';
import { VERDICTS } from '../model.js';
import { escapeMarkup as h } from './escape.js';
import { verdictLabel, type Translate } from './wording.js';

const LABEL_WIDTH = 130;
const BAR_MAX = 260;
const ROW_HEIGHT = 28;

export function verdictChart(summary: ReportSummary, t: Translate): string {
  const max = Math.max(1, ...VERDICTS.map((verdict) => summary[verdict]));
  const height = VERDICTS.length * ROW_HEIGHT;
  const width = LABEL_WIDTH + BAR_MAX + 50;
  const bars = VERDICTS.map((verdict, index) => {
    const count = summary[verdict];
    const y = index * ROW_HEIGHT;
    const bar = Math.round((count * BAR_MAX) / max);
    return `<text x="0" y="${y + 18}">${h(verdictLabel(t, verdict))}</text><rect class="bar-${verdict}" x="${LABEL_WIDTH}" y="${y + 5}" width="${bar}" height="18" rx="3"/><text x="${LABEL_WIDTH + bar + 6}" y="${y + 18}">${count}</text>`;
  });
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bars.join('')}</svg><figcaption id="chart-title">${h(t('report/chart-title'))}</figcaption></figure>`;
}
