// `--quiet` (as in ESLint): the outputs show only what fails the run — errors, and warnings too when
// they fail it (`--strict`, `--fail-level warning`, `--max-warnings`: a run failed on a warning it
// hid would give no reason). Notes are left out of the findings every reporter renders; verdicts,
// the gate and the summary counts stay those of the run.
import type { ReportContext, ReportFinding } from './model.js';

export function quietContext(context: ReportContext): ReportContext {
  const warningsFail = context.strict || context.maxWarnings !== undefined;
  // A PRECONISATION's warnings never fail the run (engine/verdict.ts gatingWarnings).
  const failing = (findings: readonly ReportFinding[], preconisation = false) =>
    findings.filter((finding) => finding.severity === 'error' || (warningsFail && !preconisation && finding.severity === 'warning'));
  const report = {
    ...context.report,
    requirements: context.report.requirements.map((result) => ({ ...result, findings: failing(result.findings, result.nature === 'PRECONISATION') })),
    findings: failing(context.report.findings),
  };
  return { ...context, report, quiet: true };
}
