// One self-contained HTML file (inline CSS and script only, a CSP that forbids anything else): header
// with bundle, catalog and gate; counts and an SVG chart; the requirement table (sticky header),
// searchable by ID and title and filterable by chapter and by several verdicts at once, each row
// expandable to its scenarios, proofs, files and findings. Readable from a phone (390 px) to a wide
// screen without sideways scrolling. Every text from the inputs goes through `escapeMarkup` (a REM
// statement can hold markup).
import { createHash } from 'node:crypto';
import type { EvidenceView, ReportContext, ReportFinding, Verdict } from '../model.js';
import { VERDICTS } from '../model.js';
import { requirementTexts } from '../render/catalog-index.js';
import { escapeMarkup as h } from '../render/escape.js';
import { bundleFacts } from '../render/bundle-facts.js';
import { proofRows, type ProofRow } from '../render/proof-rows.js';
import { HTML_SCRIPT } from '../render/html-script.js';
import { HTML_STYLE } from '../render/html-style.js';
import { verdictChart } from '../render/html-chart.js';
import { findingPlace, translator, verdictLabel, type Translate } from '../render/wording.js';
import { catalogs, type Lang } from '../../messages/index.js';
import { choosePlurals } from '../../messages/plural.js';

export function render(context: ReportContext): string {
  const t = translator(context.lang, context.revealIdentifiers);
  const { report } = context;
  const software = [report.bundle.software.name, report.bundle.software.version].filter((part) => typeof part === 'string').join(' ');
  const thumbnails = [...(context.evidence?.values() ?? [])].some((view) => view.kind === 'image');
  const csp = htmlPolicy(HTML_STYLE, HTML_SCRIPT, { filesBeside: thumbnails });
  const title = `${h(t('report/title'))}${software === '' ? '' : ` — ${h(software)}`}`;
  return `${htmlHead({ lang: context.lang, policy: csp, title, style: HTML_STYLE })}
${banner(context, t)}
<main>
${overview(context, t)}
${requirementSection(context, t)}
${generalFindings(context, t)}
</main>
<footer>${h(`${report.tool.name} ${report.tool.version}`)} · ${h(t('report/catalog'))} ${h(report.catalog.id)} · SHA-256 <span class="sha">${h(report.catalog.sha256)}</span></footer>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * The page's Content-Security-Policy: its own inline style and script (by hash), images from data:
 * URLs — and, only when it shows thumbnails written beside it (segur batch), from its own origin —
 * nothing else.
 */
export function htmlPolicy(style: string, script: string, options: { filesBeside?: boolean } = {}): string {
  return `default-src 'none'; style-src '${digest(style)}'; script-src '${digest(script)}'; img-src data:${options.filesBeside ? " 'self'" : ''}`;
}

/**
 * The opening of a self-contained page up to `<body>`: language, viewport, the policy, `title`
 * (already escaped markup) and the inline `style`, whose hash the policy names.
 */
export function htmlHead(options: { lang: Lang; policy: string; title: string; style: string }): string {
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${options.policy}">
<title>${options.title}</title>
<style>${options.style}</style>
</head>
<body>`;
}

function digest(inline: string): string {
  return `sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}`;
}

function banner(context: ReportContext, t: Translate): string {
  const facts = bundleFacts(context, t, { withGate: false })
    .map(([label, value]) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`)
    .join('');
  const gate = context.report.verdict;
  return `<header class="banner">
<div><h1>${h(t('report/title'))}</h1><dl class="facts">${facts}</dl></div>
<div class="gate ${gate}" role="status" id="gate" data-gate="${gate}">${gate === 'pass' ? '✔' : '✘'} ${h(t(`report/gate.${gate}`))}</div>
</header>`;
}

function overview(context: ReportContext, t: Translate): string {
  const { summary } = context.report;
  // Each card is also a shortcut for the verdict filter (the total card clears it).
  const card = (kind: string, filter: string, count: number, label: string): string =>
    `<button type="button" class="card v-${kind}" data-filter-verdict="${filter}" aria-controls="requirements-table"><span class="count" data-count="${kind === 'total' ? 'requirements' : kind}">${count}</span><span class="label">${h(label)}</span></button>`;
  const cards = VERDICTS.map((verdict) => card(verdict, verdict, summary[verdict], verdictLabel(t, verdict)));
  cards.push(card('total', '', summary.requirements, t('report/total')));
  return `<section aria-labelledby="summary-title">
<h2 id="summary-title">${h(t('report/summary'))}</h2>
<div class="overview"><div class="cards">${cards.join('')}</div>
${verdictChart(summary, t)}</div>
<p class="findings-count">${h(t('report/findings-count', { errors: summary.errors, warnings: summary.warnings }))}</p>
</section>`;
}

function requirementSection(context: ReportContext, t: Translate): string {
  const textOf = requirementTexts(context);
  const rowsById = groupRows(proofRows(context));
  const chapters = [...new Set(context.report.requirements.map((result) => textOf(result).chapter))];
  const options = (values: [string, string][]): string =>
    [`<option value="">${h(t('report/all'))}</option>`, ...values.map(([value, label]) => `<option value="${h(value)}">${h(label)}</option>`)].join('');
  const total = context.report.requirements.length;
  const body = context.report.requirements.map((result, index) => {
    const text = textOf(result);
    const detailId = `detail-${index + 1}`;
    // Informational notes are not problems: the count is of errors and warnings.
    const problems = result.findings.filter((finding) => finding.severity !== 'info').length;
    return `<tr class="req" data-chapter="${h(text.chapter)}" data-verdict="${result.verdict}" data-search="${h(searchKey(`${result.id} ${text.function}`))}">
<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${detailId}">${h(result.id)}</button></td>
<td class="col-chapter">${h(text.chapter)}</td><td class="col-function">${h(text.function)}</td><td class="col-nature">${h(t(`report/nature.${result.nature}`))}</td>
<td>${badge(t, result.verdict)}</td><td class="num">${problems}</td>
</tr>
<tr class="detail" id="${detailId}"><td colspan="6">${detail(t, text.statement, rowsById.get(result.id) ?? [], result.findings, context.evidence)}</td></tr>`;
  });
  const verdictBoxes = VERDICTS.map((verdict) => `<label><input type="checkbox" value="${verdict}" checked> ${h(verdictLabel(t, verdict))}</label>`).join('');
  const [one, other] = [1, 2].map((shown) => shownTemplate(context.lang, shown, total));
  return `<section aria-labelledby="requirements-title">
<h2 id="requirements-title">${h(t('report/requirements'))}</h2>
<div class="filters" role="search">
<label class="search">${h(t('report/filter.search'))}<input type="search" id="filter-text" placeholder="${h(t('report/filter.search-hint'))}" autocomplete="off"></label>
<label>${h(t('report/filter.chapter'))}<select id="filter-chapter">${options(chapters.map((chapter) => [chapter, chapter]))}</select></label>
<fieldset id="filter-verdict"><legend>${h(t('report/filter.verdict'))}</legend>${verdictBoxes}</fieldset>
<div class="bulk"><button type="button" id="expand-all">${h(t('report/expand-all'))}</button><button type="button" id="collapse-all">${h(t('report/collapse-all'))}</button></div>
<output id="shown" aria-live="polite" data-one="${h(one!)}" data-other="${h(other!)}">${h(t('report/shown', { shown: total, total }))}</output>
</div>
<table class="requirements" id="requirements-table">
<caption class="visually-hidden">${h(t('report/requirements'))}</caption>
<thead><tr><th scope="col">${h(t('report/column.id'))}</th><th scope="col" class="col-chapter">${h(t('report/column.chapter'))}</th><th scope="col" class="col-function">${h(t('report/column.function'))}</th><th scope="col" class="col-nature">${h(t('report/column.nature'))}</th><th scope="col">${h(t('report/column.verdict'))}</th><th scope="col" title="${h(t('report/column.findings-hint'))}">${h(t('report/column.findings'))}</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</section>`;
}

/** What the search box compares with: lower case, accents off (the script folds the query alike). */
function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** `report/shown` for `shown` rows of `total`, `{shown}` left for the script to fill (its plural form chosen here). */
function shownTemplate(lang: Lang, shown: number, total: number): string {
  return choosePlurals(catalogs[lang]['report/shown']!, { shown, total }, lang).replace(/\{total\}/g, String(total));
}

function detail(t: Translate, statement: string, rows: ProofRow[], findings: ReportFinding[], evidence: ReportContext['evidence']): string {
  const parts: string[] = [];
  if (statement !== '') parts.push(`<blockquote>${h(statement)}</blockquote>`);
  parts.push(`<h3>${h(t('report/scenarios'))}</h3>`);
  const scenarios = new Map<string, ProofRow[]>();
  for (const row of rows) scenarios.set(row.scenario.id, [...(scenarios.get(row.scenario.id) ?? []), row]);
  for (const [scenarioId, proofs] of scenarios) {
    const scenario = proofs[0]!.scenario;
    if (scenarioId !== '' || scenario.text !== '') parts.push(`<p><strong>${h(scenarioId)}</strong> ${h(scenario.text)}</p>`);
    parts.push(`<ul class="proofs">${proofs.map((row) => proofItem(t, row, evidence)).join('')}</ul>`);
  }
  parts.push(`<h3>${h(t('report/column.findings'))}</h3>`);
  parts.push(findings.length === 0 ? `<p class="meta">${h(t('report/no-finding'))}</p>` : findingList(t, findings));
  return parts.join('\n');
}

function proofItem(t: Translate, row: ProofRow, evidence: ReportContext['evidence']): string {
  const state = `<span class="state state-${row.state}">${h(t(`report/checklist.state.${row.state}`))}</span>`;
  const head = row.proof.id === '' ? state : `<strong>${h(row.proof.id)}</strong> ${h(row.proof.text)} · ${state}`;
  if (row.files.length === 0) return `<li>${head}</li>`;
  const files = row.files
    .map((file) => `<tr><td><code>${h(file.path)}</code>${evidenceView(t, file.path, evidence?.get(file.path))}</td><td>${h(file.kind)}</td><td class="num">${h(t('report/bytes', { size: groupDigits(file.size) }))}</td><td class="sha">${h(file.sha256)}</td></tr>`)
    .join('');
  const header = ['files', 'kind', 'size', 'sha256'].map((column) => `<th scope="col">${h(t(`report/column.${column}`))}</th>`).join('');
  return `<li>${head}<table class="files"><thead><tr>${header}</tr></thead><tbody>${files}</tbody></table></li>`;
}

/** What a reviewer looks at instead of opening the file: a thumbnail, a link, a document's header facts. */
function evidenceView(t: Translate, path: string, view: EvidenceView | undefined): string {
  if (!view) return '';
  switch (view.kind) {
    case 'image':
      return `<a class="preview" href="${h(view.preview)}"><img src="${h(view.thumbnail)}" alt="${h(t('report/evidence.thumbnail', { file: path }))}" width="${view.width}" height="${view.height}" loading="lazy"></a>`;
    case 'link':
      return ` <a class="open" href="${h(view.href)}">${h(t('report/evidence.open'))}</a>`;
    case 'document': {
      const facts: [string, string | undefined][] = [
        [t('report/evidence.type'), view.type],
        [t('report/evidence.title'), view.title],
        [t('report/evidence.patient'), view.patient],
        [t('report/evidence.author'), view.author],
        [t('report/evidence.date'), view.date],
      ];
      const shown = facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
      return shown.length === 0 ? '' : `<dl class="doc-facts">${shown.map(([label, value]) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`).join('')}</dl>`;
    }
  }
}

function findingList(t: Translate, findings: ReportFinding[]): string {
  const items = findings.map((finding) => {
    const place = findingPlace(finding);
    return `<li><span class="sev-${finding.severity}">${h(t(`report/severity.${finding.severity}`))}</span> <code>${h(finding.rule)}</code> ${h(finding.message)}${place === '' ? '' : ` <span class="meta">— <code>${h(place)}</code></span>`}</li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

function generalFindings(context: ReportContext, t: Translate): string {
  const general = context.report.findings.filter((finding) => finding.requirement === undefined);
  if (general.length === 0) return '';
  return `<section aria-labelledby="general-title">
<h2 id="general-title">${h(t('report/general-findings', { count: general.length }))}</h2>
${findingList(t, general)}
</section>`;
}

function badge(t: Translate, verdict: Verdict): string {
  return `<span class="badge v-${verdict}">${h(verdictLabel(t, verdict))}</span>`;
}

function groupRows(rows: ProofRow[]): Map<string, ProofRow[]> {
  const byId = new Map<string, ProofRow[]>();
  for (const row of rows) byId.set(row.result.id, [...(byId.get(row.result.id) ?? []), row]);
  return byId;
}

/** `12 345` with a narrow no-break space, the French digit grouping, without depending on ICU data. */
function groupDigits(size: number): string {
  return String(size).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
