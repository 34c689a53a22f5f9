// Renderings of the batch summary: JSON (machines), CSV matrix (spreadsheets), Markdown (people),
// and the terminal table. Pure functions of the summary.
import type { Lang } from '../messages/index.js';
import { csvDocument, csvSeparatorFor } from '../report/render/csv-record.js';
import { escapeMarkdownInline, jsonText, printable } from '../report/render/escape.js';
import { translator, verdictLabel, type Translate } from '../report/render/wording.js';
import type { BatchBundleLine, BatchSummary, MatrixRow } from './summary.js';

export function renderBatchJson(summary: BatchSummary): string {
  return jsonText(summary);
}

export function renderBatchCsv(summary: BatchSummary, lang: Lang, separator: string = csvSeparatorFor(lang)): string {
  const t = translator(lang);
  const header = [t('batch/column.catalog'), t('batch/column.requirement'), t('batch/column.nature'), ...summary.matrix.bundles];
  return csvDocument([header, ...summary.matrix.rows.map((row) => [row.catalog, row.requirement, row.nature, ...cells(row, summary, t)])], separator);
}

export function renderBatchMarkdown(summary: BatchSummary, lang: Lang): string {
  const t = translator(lang);
  const md = escapeMarkdownInline;
  const lines = [`# ${t('batch/title')}`, ''];
  if (summary.date) lines.push(`${t('batch/date', { date: summary.date })}`, '');
  lines.push(`**${t(summary.verdict === 'pass' ? 'batch/gate.pass' : 'batch/gate.fail')}**`, '');
  lines.push(`| ${t('batch/column.bundle')} | ${t('batch/column.result')} | ${t('batch/column.catalog')} | ${t('batch/column.counts')} |`);
  lines.push('|---|---|---|---|');
  for (const line of summary.bundles) {
    lines.push(`| ${md(line.name)} | ${statusLabel(t, line)} | ${md(line.catalog ?? '')} | ${md(countsText(t, line))} |`);
  }
  if (summary.matrix.rows.length > 0) {
    lines.push('', `## ${t('batch/matrix-title')}`, '');
    lines.push(`| ${t('batch/column.requirement')} | ${t('batch/column.nature')} | ${summary.matrix.bundles.map(md).join(' | ')} |`);
    lines.push(`|---|---|${summary.matrix.bundles.map(() => '---').join('|')}|`);
    for (const row of summary.matrix.rows) {
      lines.push(`| ${md(row.requirement)} | ${row.nature} | ${cells(row, summary, t).map(md).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderBatchTty(summary: BatchSummary, lang: Lang, outDir: string, reused = 0): string {
  // Folder names come from the file system and error messages quote files: shown, never sent.
  const t: Translate = (code, args) => printable(translator(lang)(code, args));
  const names = summary.bundles.map((line) => printable(line.name));
  const width = names.reduce((widest, name) => Math.max(widest, name.length), 0); // any number of bundles: no spread
  const lines = summary.bundles.map((line, index) => `  ${names[index]!.padEnd(width)}  ${statusLabel(t, line).padEnd(10)}  ${line.error ? printable(line.error.message.split('\n')[0]!) : countsText(t, line)}`);
  // A bundle that could not be checked (« impossible ») is not counted as checked: it is said apart.
  const impossible = summary.bundles.filter((line) => line.status === 'error').length;
  const failed = summary.bundles.filter((line) => line.status === 'fail').length;
  lines.push('', t('batch/tally', { total: summary.bundles.length - impossible, failed, out: outDir }));
  if (impossible > 0) lines.push(t('batch/tally-impossible', { count: impossible }));
  if (reused > 0) lines.push(t('batch/reused', { count: reused }));
  lines.push(t(summary.verdict === 'pass' ? 'batch/gate.pass' : 'batch/gate.fail'));
  return `${lines.join('\n')}\n`;
}

function cells(row: MatrixRow, summary: BatchSummary, t: Translate): string[] {
  return row.verdicts.map((verdict, column) =>
    verdict ? verdictLabel(t, verdict) : summary.bundles[column]!.status === 'error' ? t('batch/status.error') : '—',
  );
}

function statusLabel(t: Translate, line: BatchBundleLine): string {
  return t(`batch/status.${line.status}`);
}

function countsText(t: Translate, line: BatchBundleLine): string {
  if (!line.summary) return line.error?.message.split('\n')[0] ?? '';
  const s = line.summary;
  return t('batch/counts', {
    conforme: s.conforme,
    nonConforme: s['non-conforme'],
    incomplet: s.incomplet,
    nonApplicable: s['non-applicable'],
  });
}
