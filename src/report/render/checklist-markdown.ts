// The DSR checklist as Markdown: every expected proof of the selected profiles in REM order, ticked
// when a file is there, with the files to deposit (size, SHA-256) and what is still missing or wrong.
import type { ReportContext } from '../model.js';
import { bundleFacts } from './bundle-facts.js';
import { escapeMarkdownCode, escapeMarkdownInline as md } from './escape.js';
import { proofRows, type ProofRow, type ProofState } from './proof-rows.js';
import { colon, findingLine, translator, verdictLabel, type Translate } from './wording.js';
import { appendAll } from '../../util/append.js';

export interface ChecklistCounts {
  /** Proofs to deposit: present + inError + missing. */
  expected: number;
  present: number;
  /** Given, but with an error finding: to redo before depositing. */
  inError: number;
  missing: number;
  /** Not part of `expected`: nothing to deposit. */
  notApplicable: number;
}

export function checklistCounts(rows: readonly ProofRow[]): ChecklistCounts {
  const count = (state: ProofState): number => rows.filter((row) => row.state === state).length;
  return {
    expected: count('present') + count('error') + count('missing'),
    present: count('present'),
    inError: count('error'),
    missing: count('missing'),
    notApplicable: count('not-applicable'),
  };
}

export function renderChecklistMarkdown(context: ReportContext): string {
  const t = translator(context.lang, context.revealIdentifiers);
  const rows = proofRows(context);
  const out: string[] = [`# ${md(t('report/checklist.title'))}`, ''];
  for (const [label, value] of bundleFacts(context, t)) out.push(`- **${md(label)}**${colon(context.lang)}${md(value)}`);
  out.push('', md(t('report/checklist.counts', { ...checklistCounts(rows) })), '');
  let requirement = '';
  let scenario: string | undefined;
  for (const row of rows) {
    if (row.requirement.id !== requirement) {
      requirement = row.requirement.id;
      scenario = undefined;
      const title = [row.requirement.id, row.requirement.function].filter((part) => part !== '').map(md).join(' — ');
      out.push(`## ${title} · ${verdictLabel(t, row.result.verdict)}`, '');
      if (row.requirement.statement !== '') out.push(`> ${md(row.requirement.statement)}`, '');
    }
    if (row.scenario.id !== scenario) {
      scenario = row.scenario.id;
      if (row.scenario.id !== '' || row.scenario.text !== '') out.push(`**${md(row.scenario.id)}** ${md(row.scenario.text)}`.trimEnd(), '');
    }
    appendAll(out, proofItem(t, row));
    if (row === rows[rows.length - 1] || rows[rows.indexOf(row) + 1]!.scenario !== row.scenario) out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function proofItem(t: Translate, row: ProofRow): string[] {
  // Ticked only when it can be deposited as it is; a proof in error is to redo.
  const box = row.state === 'present' ? '[x] ' : row.state === 'missing' || row.state === 'error' ? '[ ] ' : '';
  const state = t(`report/checklist.state.${row.state}`);
  const label = [row.proof.id === '' ? '' : `**${md(row.proof.id)}**`, md(row.proof.text)].filter((part) => part !== '').join(' ');
  const lines = [`- ${box}${label === '' ? '' : `${label} — `}${row.state === 'missing' || row.state === 'error' ? `**${state}**` : state}`];
  for (const file of row.files) {
    lines.push(`  - \`${escapeMarkdownCode(file.path)}\` · ${t('report/bytes', { size: file.size })} · SHA-256 \`${file.sha256}\``);
  }
  for (const finding of row.findings) lines.push(`  - ${md(findingLine(t, finding))}`);
  return lines;
}
