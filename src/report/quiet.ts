// `--quiet` (as in ESLint): the outputs show errors only. Warnings and notes are left out of the
// findings every reporter renders; verdicts, the gate and the summary counts stay those of the run.
import type { ReportContext, ReportFinding } from './model.js';

export function quietContext(context: ReportContext): ReportContext {
  const errorsOnly = (findings: readonly ReportFinding[]) => findings.filter((finding) => finding.severity === 'error');
  const report = {
    ...context.report,
    requirements: context.report.requirements.map((result) => ({ ...result, findings: errorsOnly(result.findings) })),
    findings: errorsOnly(context.report.findings),
  };
  return { ...context, report, quiet: true };
}
