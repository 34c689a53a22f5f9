// The terminal report: requirements grouped by chapter (catalog order), one line each with its
// verdict, the reasons underneath, then the counts and the gate. Colours only when asked
// (`renderTty(context, { color: true })`: the CLI decides from --no-color, NO_COLOR and the TTY).
import { Chalk, type ChalkInstance } from 'chalk';
import { formatMessage, type MessageArgs } from '../../messages/index.js';
import type { ReportContext, ReportFinding, RequirementResult, Verdict } from '../model.js';
import { printable } from '../render/escape.js';
import { impactTtyLines } from '../../catalog/diff/render-impact.js';
import { gateFailureText } from '../render/gate-text.js';
import { shownLocation } from '../render/wording.js';
import { appendAll } from '../../util/append.js';

export { printable };

export function render(context: ReportContext): string {
  return renderTty(context, { color: false });
}

export function renderTty(context: ReportContext, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const t = (code: string, args: MessageArgs = {}) => printable(formatMessage(code, args, { lang: context.lang, revealIdentifiers: context.revealIdentifiers }));
  const { report, catalog } = context;
  const byId = new Map(catalog.requirements.map((requirement) => [requirement.id, requirement]));
  const label = (verdict: Verdict) => t(`tty/verdict-${verdict}`);
  const width = Math.max(...(['conforme', 'non-conforme', 'incomplet', 'non-applicable'] as const).map((verdict) => label(verdict).length));
  const out: string[] = [
    paint.bold(t('tty/title', { bundle: context.bundleRoot, catalog: report.catalog.id, profiles: report.bundle.profiles.join(', ') || '—' })),
  ];

  const general = report.findings.filter((finding) => finding.requirement === undefined);
  if (general.length > 0) {
    out.push('', paint.bold(t('tty/bundle-findings')));
    appendAll(out, general.map((finding) => `    ${findingLine(paint, finding)}`));
  }

  let chapter: string | undefined;
  // --quiet: only what fails (requirements non-conforme or incomplet; with warnings failing the run —
  // --strict, --fail-level warning, --max-warnings —, those with a warning too: the reason must show).
  const warningsFail = context.strict || context.maxWarnings !== undefined;
  const fails = (result: RequirementResult) =>
    result.verdict === 'non-conforme' || result.verdict === 'incomplet' || (warningsFail && result.nature !== 'PRECONISATION' && result.findings.some((finding) => finding.severity === 'warning'));
  const shown = context.quiet ? report.requirements.filter(fails) : report.requirements;
  for (const result of shown) {
    const requirement = byId.get(result.id);
    if (requirement && requirement.chapter !== chapter) {
      chapter = requirement.chapter;
      out.push('', paint.bold(printable(chapter)));
    }
    const nature = result.nature === 'PRECONISATION' ? paint.dim(` (${t('tty/preconisation')})`) : '';
    const verdict = VERDICT_STYLE[result.verdict](paint)(`${VERDICT_ICON[result.verdict]} ${label(result.verdict).padEnd(width)}`);
    out.push(`  ${verdict}  ${printable(result.id)}  ${printable(requirement?.function ?? '')}${nature}`.trimEnd());
    appendAll(out, reasons(paint, result)); // findings of one requirement: any number
  }

  // `check --since OLD`: what the REM change did to the bundle's proofs (src/bundle/impact.ts).
  if (report.since) appendAll(out, ['', ...impactTtyLines((code, args) => formatMessage(code, args, { lang: context.lang }), report.since, options, 'diff/impact.since-title')]);

  const summary = report.summary;
  out.push(
    '',
    t('tty/summary', {
      requirements: summary.requirements,
      conforme: summary.conforme,
      nonConforme: summary['non-conforme'],
      incomplet: summary.incomplet,
      nonApplicable: summary['non-applicable'],
      errors: summary.errors,
      warnings: summary.warnings,
    }),
  );
  out.push(report.verdict === 'pass' ? paint.green.bold(`✔ ${t('report/gate.pass')}`) : paint.red.bold(`✘ ${printable(gateFailureText(context, t))}`));
  return `${out.join('\n')}\n`;
}

function reasons(paint: ChalkInstance, result: RequirementResult): string[] {
  return result.findings.filter((finding) => finding.severity !== 'info' || result.verdict !== 'conforme').map((finding) => `      ${findingLine(paint, finding)}`);
}

export function findingLine(paint: ChalkInstance, finding: ReportFinding): string {
  const icon = finding.severity === 'error' ? paint.red('✘') : finding.severity === 'warning' ? paint.yellow('!') : paint.blue('i');
  // Messages about a file usually name it; others (artefact rules, manifest) get the place in front.
  const place = finding.file && !finding.message.includes(finding.file) ? placeOf(finding) : finding.line ? placeOf(finding) : '';
  return `${icon} ${place ? paint.dim(`${printable(place)} `) : ''}${printable(finding.message)}`;
}

function placeOf(finding: ReportFinding): string {
  const line = finding.line !== undefined ? `:${finding.line}` : '';
  const shown = shownLocation(finding);
  const location = shown ? ` ${shown}` : '';
  return `${finding.file ?? ''}${line}${location} :`.trimStart();
}

const VERDICT_ICON: Record<Verdict, string> = { conforme: '✔', 'non-conforme': '✘', incomplet: '…', 'non-applicable': '–' };
const VERDICT_STYLE: Record<Verdict, (paint: ChalkInstance) => ChalkInstance> = {
  conforme: (paint) => paint.green,
  'non-conforme': (paint) => paint.red,
  incomplet: (paint) => paint.yellow,
  'non-applicable': (paint) => paint.gray,
};
