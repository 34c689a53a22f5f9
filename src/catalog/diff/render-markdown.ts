// Markdown (GitHub flavour) view of a catalog diff, for a pull-request comment or a review note:
// counts in a table, one section per kind of change, word diffs as <del>/<ins>. Everything taken
// from the REMs or the bundle is escaped (escape.ts): a statement can hold markup or Markdown.
import { escapeMarkdownInline as md } from '../../report/render/escape.js';
import { colon } from '../../report/render/wording.js';
import { SECTIONS, changeLines, requirementTitle, sectionEntries, summaryLines, type DiffContext, type DiffLine } from './describe.js';
import { impactMarkdownLines } from './render-impact.js';

export function renderDiffMarkdown(context: DiffContext): string {
  const { diff, t } = context;
  const out = [
    `## ${md(t('diff/title', { old: diff.old.id, new: diff.new.id }))}`,
    '',
    `- **${md(t('diff/old'))}**${colon(context.lang)}${md(`${diff.old.id} — ${diff.old.title}`)}`,
    `- **${md(t('diff/new'))}**${colon(context.lang)}${md(`${diff.new.id} — ${diff.new.title}`)}`,
    '',
    `| ${md(t('diff/xlsx.column.status'))} | ${md(t('diff/xlsx.column.requirement'))} |`,
    '|---|---:|',
    ...(['added', 'removed', 'renamed', 'changed', 'unchanged'] as const).map((status) => `| ${md(t(`diff/status.${status}`))} | ${diff.summary.requirements[status]} |`),
    '',
    ...summaryLines(context).flatMap((line) => [md(line), '']),
  ];
  let shown = 0;
  for (const status of SECTIONS) {
    const entries = sectionEntries(diff, status);
    if (entries.length === 0) continue;
    shown += entries.length;
    out.push(`### ${md(t(`diff/section.${status}`, { count: entries.length }))}`, '');
    for (const entry of entries) {
      out.push(`- **${md(requirementTitle(context, entry))}**`);
      // Loops, not push(...): a requirement may have thousands of changed proofs.
      for (const line of changeLines(t, entry)) out.push(`  - ${markdownLine(line)}`);
    }
    out.push('');
  }
  if (shown === 0) out.push(md(t('diff/none')), '');
  if (diff.bundle) for (const line of impactMarkdownLines(t, diff.bundle, 'diff/impact.title')) out.push(line);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function markdownLine(line: DiffLine): string {
  if (!line.words) return md(line.text.trim());
  const words = line.words.map((segment) => (segment.op === '=' ? md(segment.text) : segment.op === '-' ? `<del>${md(segment.text)}</del>` : `<ins>${md(segment.text)}</ins>`)).join('');
  return `${md(line.text.trim())} ${words}`;
}
