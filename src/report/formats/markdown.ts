// Markdown for a pull-request comment (GitHub flavour): a summary table with the counts and the
// gate, then each failing requirement in a <details> block with its reasons. Everything taken from
// the inputs is escaped: a REM statement can hold markup or Markdown.
import type { ReportContext, ReportFinding, RequirementResult } from '../model.js';
import { VERDICTS } from '../model.js';
import { requirementTexts, type RequirementText } from '../render/catalog-index.js';
import { escapeMarkdownCode, escapeMarkdownInline as md, escapeMarkup as html } from '../render/escape.js';
import { bundleFacts } from '../render/bundle-facts.js';
import { colon, findingPlace, translator, verdictLabel, type Translate } from '../render/wording.js';
import { impactMarkdownLines } from '../../catalog/diff/render-impact.js';
import { appendAll } from '../../util/append.js';

/**
 * GitHub caps a pull-request comment at 65,536 characters (a job summary, $GITHUB_STEP_SUMMARY, at
 * 1 MiB per step): the failing requirements stop at this budget, leaving room for the findings
 * outside requirements; whatever follows is cut at MARKDOWN_LIMIT, with a pointer to the full report.
 */
export const MARKDOWN_BUDGET = 56_000;
export const MARKDOWN_LIMIT = 65_536;
/** Room kept for the pointer line that says the rest was left out. */
const POINTER_ROOM = 400;
/** Findings outside requirements shown at most (each well under 160 characters): the rest are counted. */
const GENERAL_FINDINGS_SHOWN = 50;

export function render(context: ReportContext): string {
  const t = translator(context.lang, context.revealIdentifiers);
  const { report } = context;
  const gate = report.verdict === 'pass' ? `✅ ${t('report/gate.pass')}` : `❌ ${t('report/gate.fail')}`;
  const out: string[] = [`## ${md(t('report/title'))} — ${gate}`, ''];
  for (const [label, value] of bundleFacts(context, t, { withGate: false })) out.push(`- **${md(label)}**${colon(context.lang)}${md(value)}`);
  out.push('', `| ${md(t('report/column.verdict'))} | ${md(t('report/requirements'))} |`, '|---|---:|');
  for (const verdict of VERDICTS) out.push(`| ${verdictLabel(t, verdict)} | ${report.summary[verdict]} |`);
  out.push(`| **${md(t('report/total'))}** | **${report.summary.requirements}** |`, '');
  out.push(md(t('report/findings-count', { errors: report.summary.errors, warnings: report.summary.warnings })), '');

  const textOf = requirementTexts(context);
  const failing = report.requirements.filter((result) => result.verdict === 'non-conforme' || result.verdict === 'incomplet');
  out.push(`### ${md(t('report/failing', { count: failing.length }))}`, '');
  if (failing.length === 0) out.push(md(t('report/none-failing')), '');
  // A GitHub comment holds 65,536 characters: past a budget, the other requirements are only counted.
  let size = out.join('\n').length;
  for (const [index, result] of failing.entries()) {
    const block = failingBlock(t, result, textOf(result));
    size += block.join('\n').length + 1;
    if (size > MARKDOWN_BUDGET) {
      out.push(md(t('report/markdown.more', { count: failing.length - index })), '');
      break;
    }
    appendAll(out, block);
  }

  const general = report.findings.filter((finding) => finding.requirement === undefined);
  if (general.length > 0) {
    out.push(`### ${md(t('report/general-findings', { count: general.length }))}`, '');
    appendAll(out, general.slice(0, GENERAL_FINDINGS_SHOWN).map((finding) => findingItem(t, finding)));
    if (general.length > GENERAL_FINDINGS_SHOWN) out.push(`- ${md(t('report/markdown.more-findings', { count: general.length - GENERAL_FINDINGS_SHOWN }))}`);
    out.push('');
  }
  // `check --since OLD`: what the REM change did to the bundle's proofs (src/bundle/impact.ts).
  if (report.since) appendAll(out, impactMarkdownLines(t, report.since, 'diff/impact.since-title'));
  return `${withinLimit(out, t).join('\n').replace(/\n+$/, '')}\n`;
}

/** The lines, cut at a line boundary once MARKDOWN_LIMIT is near, the cut said in the last line. */
function withinLimit(lines: string[], t: Translate): string[] {
  let size = 0;
  for (const [index, line] of lines.entries()) {
    size += line.length + 1;
    if (size > MARKDOWN_LIMIT - POINTER_ROOM) return [...lines.slice(0, index), '', md(t('report/markdown.truncated'))];
  }
  return lines;
}

function failingBlock(t: Translate, result: RequirementResult, text: RequirementText): string[] {
  // <summary> holds HTML, not Markdown: escape as HTML there; a blank line then re-enables Markdown.
  const title = [result.id, verdictLabel(t, result.verdict), text.function].filter((part) => part !== '').map(html).join(' — ');
  const lines = ['<details>', `<summary><strong>${title}</strong> (${html(t(`report/nature.${result.nature}`))})</summary>`, ''];
  if (text.statement !== '') lines.push(`> ${md(text.statement)}`, '');
  const missing = result.proofs.filter((proof) => proof.files.length === 0 && !result.findings.some((finding) => finding.proof === proof.id));
  appendAll(lines, result.findings.map((finding) => findingItem(t, finding))); // any number: no spread
  appendAll(lines, missing.map((proof) => `- ${md(proof.id)} : ${md(t('report/proof-missing'))}`));
  lines.push('', '</details>', '');
  return lines;
}

function findingItem(t: Translate, finding: ReportFinding): string {
  const place = findingPlace(finding);
  const where = place === '' ? '' : ` — \`${escapeMarkdownCode(place)}\``;
  return `- **${md(t(`report/severity.${finding.severity}`))}** \`${finding.rule}\` ${md(finding.message)}${where}`;
}
