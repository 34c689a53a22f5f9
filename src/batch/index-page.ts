// `index.html`, the reviewers' page: self-contained like the per-bundle reports (inline style and
// script only, allowed by hash in its Content-Security-Policy), the bundle table with a link to each
// bundle's report, and the requirement × bundle matrix, both filterable. Every text from the inputs
// is escaped; links are relative and percent-encoded per segment (batch/links.ts).
import type { Lang } from '../messages/index.js';
import { VERDICTS, type Verdict } from '../report/model.js';
import { htmlHead, htmlPolicy } from '../report/formats/html.js';
import { escapeMarkup as h } from '../report/render/escape.js';
import { HTML_STYLE } from '../report/render/html-style.js';
import { translator, verdictLabel, type Translate } from '../report/render/wording.js';
import type { BundleResult, BundleStatus } from './bundle-result.js';
import { INDEX_SCRIPT, INDEX_STYLE } from './index-assets.js';
import { encodePath, reportLink } from './links.js';
import type { BatchSummary, MatrixRow } from './summary.js';

const STATUSES: readonly BundleStatus[] = ['pass', 'fail', 'error'];

export function renderBatchIndex(summary: BatchSummary, results: readonly BundleResult[], lang: Lang): string {
  const t = translator(lang);
  const style = HTML_STYLE + INDEX_STYLE;
  const count = (status: BundleStatus) => results.filter((result) => result.status === status).length;
  return `${htmlHead({ lang, policy: htmlPolicy(style, INDEX_SCRIPT), title: h(t('batch/title')), style })}
<header class="banner">
<div><h1>${h(t('batch/title'))}</h1><dl class="facts">${summary.date ? `<dt>${h(t('report/date'))}</dt><dd>${h(summary.date)}</dd>` : ''}<dt>${h(t('report/tool'))}</dt><dd>${h(`${summary.tool.name} ${summary.tool.version}`)}</dd></dl></div>
<div class="gate ${summary.verdict}" role="status" id="gate">${h(t(summary.verdict === 'pass' ? 'batch/gate.pass' : 'batch/gate.fail'))}</div>
</header>
<main>
<section aria-labelledby="bundles-title">
<h2 id="bundles-title">${h(t('batch/bundles-title', { count: results.length }))}</h2>
<div class="cards">${STATUSES.map((status) => `<button type="button" class="card s-${status}" data-filter-status="${status}"><span class="count" data-count="${status}">${count(status)}</span><span class="label">${h(t(`batch/status.${status}`))}</span></button>`).join('')}</div>
<div class="filters" role="search">
<label>${h(t('batch/filter.status'))}<select id="filter-status"><option value="">${h(t('report/all'))}</option>${STATUSES.map((status) => `<option value="${status}">${h(t(`batch/status.${status}`))}</option>`).join('')}</select></label>
<label>${h(t('batch/filter.text'))}<input type="search" id="filter-text" autocomplete="off"></label>
<output id="bundles-shown" aria-live="polite" data-template="${h(t('batch/shown'))}">${h(t('batch/shown', { shown: results.length, total: results.length }))}</output>
</div>
${bundleTable(results, t)}
</section>
${matrixSection(summary, t)}
</main>
<footer>${h(`${summary.tool.name} ${summary.tool.version}`)}</footer>
<script>${INDEX_SCRIPT}</script>
</body>
</html>
`;
}

function bundleTable(results: readonly BundleResult[], t: Translate): string {
  const headers = ['bundle', 'source', 'editor', 'software', 'version', 'catalog', 'result'].map((column) => t(`batch/column.${column}`));
  const countHeaders = [...VERDICTS.map((verdict) => verdictLabel(t, verdict)), t('report/severity.error'), t('report/severity.warning')];
  const rows = results.map((result) => {
    const link = reportLink(result);
    const name = link ? `<a href="${h(link.href)}">${h(result.name)}</a>` : h(result.name);
    const s = result.summary;
    const counts = s ? [...VERDICTS.map((verdict) => s[verdict]), s.errors, s.warnings].map((value) => `<td class="num">${value}</td>`).join('') : `<td colspan="6" class="reason">${h(result.error?.message ?? '')}</td>`;
    const search = [result.name, result.editor, result.software, result.version, result.catalog?.id].filter(Boolean).join(' ').toLowerCase();
    return `<tr class="bundle" data-status="${result.status}" data-search="${h(search)}"><th scope="row">${name}</th><td>${h(t(`batch/source.${result.source}`))}</td><td>${h(result.editor ?? '')}</td><td>${h(result.software ?? '')}</td><td>${h(result.version ?? '')}</td><td>${h(result.catalog?.id ?? '')}</td><td><span class="badge s-${result.status}">${h(t(`batch/status.${result.status}`))}</span></td>${counts}</tr>`;
  });
  return `<div class="scroll"><table id="bundles-table">
<thead><tr>${[...headers, ...countHeaders].map((header) => `<th scope="col">${h(header)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function matrixSection(summary: BatchSummary, t: Translate): string {
  if (summary.matrix.rows.length === 0) return '';
  const reports = new Map(summary.bundles.map((line) => [line.name, line.reports.find((path) => path.endsWith('/report.html')) ?? line.reports[0]]));
  const bundleHeaders = summary.matrix.bundles.map((name) => {
    const report = reports.get(name);
    return `<th scope="col" class="bundle-col">${report ? `<a href="${h(encodePath(report))}">${h(name)}</a>` : h(name)}</th>`;
  });
  const totals = VERDICTS.map((verdict) => `<th scope="col" class="total">${h(t('batch/column.total', { verdict: verdictLabel(t, verdict) }))}</th>`);
  const natures = [...new Set(summary.matrix.rows.map((row) => row.nature))];
  const rows = summary.matrix.rows.map((row) => matrixRow(row, summary, t));
  return `<section aria-labelledby="matrix-title">
<h2 id="matrix-title">${h(t('batch/matrix-title'))}</h2>
<div class="filters" role="search">
<label>${h(t('batch/column.nature'))}<select id="filter-nature"><option value="">${h(t('report/all'))}</option>${natures.map((nature) => `<option value="${h(nature)}">${h(t(`report/nature.${nature}`))}</option>`).join('')}</select></label>
<label>${h(t('batch/filter.verdict'))}<select id="filter-verdict"><option value="">${h(t('report/all'))}</option>${VERDICTS.map((verdict) => `<option value="${verdict}">${h(verdictLabel(t, verdict))}</option>`).join('')}</select></label>
<label>${h(t('batch/filter.requirement'))}<input type="search" id="filter-requirement" autocomplete="off"></label>
<output id="rows-shown" aria-live="polite" data-template="${h(t('batch/rows-shown'))}">${h(t('batch/rows-shown', { shown: rows.length, total: rows.length }))}</output>
</div>
<p class="legend">${VERDICTS.map((verdict) => `<span class="cell v-${verdict}">${h(t(`batch/short.${verdict}`))}</span> ${h(verdictLabel(t, verdict))}`).join(' · ')}</p>
<div class="scroll"><table id="matrix-table" class="matrix">
<thead><tr><th scope="col">${h(t('batch/column.catalog'))}</th><th scope="col">${h(t('batch/column.requirement'))}</th><th scope="col">${h(t('batch/column.nature'))}</th>${bundleHeaders.join('')}${totals.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function matrixRow(row: MatrixRow, summary: BatchSummary, t: Translate): string {
  const present = [...new Set(row.verdicts.filter((verdict): verdict is Verdict => verdict !== null))];
  const cells = row.verdicts.map((verdict, column) => {
    if (verdict) return `<td class="cell v-${verdict}" title="${h(verdictLabel(t, verdict))}">${h(t(`batch/short.${verdict}`))}</td>`;
    return summary.bundles[column]!.status === 'error' ? `<td class="cell s-error" title="${h(t('batch/status.error'))}">!</td>` : '<td class="cell">—</td>';
  });
  const totals = VERDICTS.map((verdict) => `<td class="num">${row.verdicts.filter((cell) => cell === verdict).length}</td>`);
  return `<tr class="requirement" data-nature="${h(row.nature)}" data-verdicts="${present.join(' ')}" data-search="${h(row.requirement.toLowerCase())}"><td>${h(row.catalog)}</td><th scope="row">${h(row.requirement)}</th><td>${h(t(`report/nature.${row.nature}`))}</td>${cells.join('')}${totals.join('')}</tr>`;
}
