// Renders `segur validate` results in every format it offers, with the same writers and the same
// shapes as `segur check`: text for a terminal (check's symbols and words), JSON (schema
// segur-validate/1), JUnit (one testcase per file), SARIF and GitHub annotations (locations from the
// working folder, as the paths were given).
import { Chalk } from 'chalk';
import { formatMessage, maskUnlessRevealed, type Lang } from '../messages/index.js';
import { fileOnDisk, renderFinding } from '../report/build.js';
import type { ReportFinding } from '../report/model.js';
import { findingLine as ttyFindingLine, printable } from '../report/formats/tty.js';
import { jsonText } from '../report/render/escape.js';
import { githubAnnotations } from '../report/render/github-annotations.js';
import { junitDocument, type TestCase } from '../report/render/junit-document.js';
import { repositoryPath } from '../report/render/repository-path.js';
import { sarifLog } from '../report/render/sarif-log.js';
import { translator, type Translate } from '../report/render/wording.js';
import { toolVersion } from '../version.js';
import type { ValidatedFile } from './validate-files.js';
import { appendAll } from '../util/append.js';

export const VALIDATE_FORMATS = ['tty', 'json', 'junit', 'sarif', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export function isValidateFormat(name: string): name is ValidateFormat {
  return (VALIDATE_FORMATS as readonly string[]).includes(name);
}

export interface RenderOptions {
  lang: Lang;
  revealIdentifiers: boolean;
  color: boolean;
  /** Errors only: no line for a file without error (`--quiet`); warnings too when they fail the run (`gatingWarnings`). */
  quiet?: boolean;
  /** Warnings fail the run (`--fail-level warning`, `--strict`, `--max-warnings`): `--quiet` shows them as it shows errors. */
  gatingWarnings?: boolean;
  /** Run-level notes (message codes), e.g. `cisis/not-run` when CDA documents were read without --cisis. */
  notes?: readonly string[];
}

/** A validation's outcome: the files, and the gate under the run's fail level. */
export interface ValidateOutcome {
  files: readonly ValidatedFile[];
  gate: { passed: boolean; strict: boolean; maxWarnings?: number };
}

export function renderValidate(format: ValidateFormat, outcome: ValidateOutcome, options: RenderOptions): string {
  switch (format) {
    case 'tty':
      return renderValidateText(outcome, options);
    case 'json':
      return renderValidateJson(outcome.files, options);
    case 'junit':
      return renderValidateJunit(outcome, options);
    case 'sarif':
      return sarifLog({
        version: toolVersion(),
        lang: options.lang,
        findings: shownFindings(outcome.files, options),
        locate: (finding) => repositoryPath('.', fileOnDisk(finding)!),
        properties: { gate: outcome.gate.passed ? 'pass' : 'fail' },
      });
    case 'github':
      return githubAnnotations({
        findings: shownFindings(outcome.files, options),
        locate: (finding) => repositoryPath('.', fileOnDisk(finding)!),
        t: translator(options.lang, options.revealIdentifiers),
        revealIdentifiers: options.revealIdentifiers,
      });
  }
}

/** Findings in the run's language, attached to their file; errors only under --quiet. */
function fileFindings(file: ValidatedFile, options: RenderOptions): ReportFinding[] {
  const rendered = file.findings.map((finding) => renderFinding({ ...finding, file: file.path }, options.lang, options.revealIdentifiers));
  return options.quiet ? rendered.filter((finding) => failsRun(finding, options)) : rendered;
}

/** Whether `finding` is one that fails the run: what --quiet keeps. */
function failsRun(finding: { severity: string }, options: RenderOptions): boolean {
  return finding.severity === 'error' || (options.gatingWarnings === true && finding.severity === 'warning');
}

function shownFindings(files: readonly ValidatedFile[], options: RenderOptions): ReportFinding[] {
  return files.flatMap((file) => fileFindings(file, options));
}

export function renderValidateJson(files: readonly ValidatedFile[], options: RenderOptions): string {
  const document = {
    schema: 'segur-validate/1',
    files: files.map((file) => ({
      path: maskUnlessRevealed(file.path, options.revealIdentifiers),
      kind: file.kind,
      findings: fileFindings(file, options).map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        location: finding.location ?? null,
        line: finding.line ?? null,
        column: finding.column ?? null,
      })),
    })),
    ...(options.notes?.length ? { notes: options.notes.map((rule) => ({ rule, message: formatMessage(rule, {}, options) })) } : {}),
  };
  return jsonText(document);
}

/** Findings saying that no validator read the file (validate-files.ts). */
const NOT_VALIDATED: ReadonlySet<string> = new Set(['artefacts/unknown-kind', 'artefacts/kind-not-supported']);

export function renderValidateText(outcome: ValidateOutcome, options: RenderOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const t: Translate = (code, args) => printable(translator(options.lang)(code, args));
  const lines: string[] = [];
  for (const file of outcome.files) {
    const findings = fileFindings(file, options);
    const failed = file.findings.some((finding) => finding.severity === 'error');
    if (options.quiet && !file.findings.some((finding) => failsRun(finding, options))) continue;
    // A file no validator read is not « passed »: marked apart, its finding says why.
    const unread = file.findings.some((finding) => NOT_VALIDATED.has(finding.rule));
    const mark = failed ? paint.red('✘') : unread ? paint.yellow('–') : paint.green('✔');
    lines.push(`${mark} ${paint.bold(printable(maskUnlessRevealed(file.path, options.revealIdentifiers)))} ${paint.dim(`(${file.kind})`)}`);
    appendAll(lines, findings.map((finding) => `    ${ttyFindingLine(paint, finding)}`));
  }
  const all = outcome.files.flatMap((file) => file.findings);
  if (lines.length > 0) lines.push('');
  lines.push(
    t('validate/summary', {
      files: outcome.files.length,
      errors: all.filter((finding) => finding.severity === 'error').length,
      warnings: all.filter((finding) => finding.severity === 'warning').length,
    }),
  );
  if (!options.quiet) for (const note of options.notes ?? []) lines.push(`${paint.blue('i')} ${t(note)}`);
  lines.push(outcome.gate.passed ? paint.green.bold(`✔ ${t('validate/pass')}`) : paint.red.bold(`✘ ${gateText(outcome, t)}`));
  return `${lines.join('\n')}\n`;
}

function renderValidateJunit(outcome: ValidateOutcome, options: RenderOptions): string {
  const t = translator(options.lang);
  const cases: TestCase[] = outcome.files.map((file) => {
    const findings = fileFindings(file, options);
    const fails = file.findings.some((finding) => finding.severity === 'error' || (outcome.gate.strict && finding.severity === 'warning'));
    return fails
      ? { classname: file.kind, name: maskUnlessRevealed(file.path, options.revealIdentifiers), failure: { type: file.kind, message: t('validate/junit.failure', { count: findings.length }), findings }, output: [] }
      : { classname: file.kind, name: maskUnlessRevealed(file.path, options.revealIdentifiers), output: findings };
  });
  if (!outcome.gate.passed && !cases.some((testCase) => testCase.failure)) {
    cases.push({ classname: 'segur', name: t('report/gate.title'), failure: { type: 'gate', message: gateText(outcome, t), findings: [] }, output: [] });
  }
  return junitDocument(t, { name: 'segur validate', properties: [['gate', outcome.gate.passed ? 'pass' : 'fail']], cases });
}

function gateText(outcome: ValidateOutcome, t: Translate): string {
  const all = outcome.files.flatMap((file) => file.findings);
  if (all.some((finding) => finding.severity === 'error')) return t('validate/fail');
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (outcome.gate.strict) return t('validate/fail-warnings', { count: warnings });
  return t('validate/fail-max-warnings', { count: warnings, max: outcome.gate.maxWarnings ?? 0 });
}

/** The validation's gate: an error fails it; warnings too under --fail-level warning; or beyond --max-warnings. */
export function validateGate(files: readonly ValidatedFile[], policy: { strict: boolean; maxWarnings?: number }): ValidateOutcome['gate'] {
  const all = files.flatMap((file) => file.findings);
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  const passed =
    !all.some((finding) => finding.severity === 'error') && !(policy.strict && warnings > 0) && (policy.maxWarnings === undefined || warnings <= policy.maxWarnings);
  return { passed, strict: policy.strict, ...(policy.maxWarnings === undefined ? {} : { maxWarnings: policy.maxWarnings }) };
}
