// GitHub Actions workflow commands: one `::error` / `::warning` line per finding, which the runner
// turns into annotations on the files. Paths are the bundle folder joined with the bundle-relative
// file, i.e. relative to the working directory the check ran from (the repository root in CI).
import { posix } from 'node:path';
import type { ReportContext, ReportFinding } from '../model.js';

const COMMANDS = { error: 'error', warning: 'warning' } as const;

export function render(context: ReportContext): string {
  return context.report.findings
    .filter((finding): finding is ReportFinding & { severity: keyof typeof COMMANDS } => finding.severity in COMMANDS)
    .map((finding) => annotation(context.bundleRoot, finding))
    .join('');
}

function annotation(bundleRoot: string, finding: ReportFinding & { severity: keyof typeof COMMANDS }): string {
  const properties: string[] = [];
  if (finding.file !== undefined) properties.push(`file=${escapeProperty(posix.join(bundleRoot.replace(/\\/g, '/'), finding.file))}`);
  if (finding.file !== undefined && finding.line !== undefined) properties.push(`line=${finding.line}`);
  if (finding.file !== undefined && finding.line !== undefined && finding.column !== undefined) properties.push(`col=${finding.column}`);
  const title = finding.requirement === undefined ? finding.rule : `${finding.requirement} · ${finding.rule}`;
  properties.push(`title=${escapeProperty(title)}`);
  const where = finding.location === undefined ? '' : ` (${finding.location})`;
  return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message + where)}\n`;
}

/** Command data: "%", CR and LF are percent-encoded so a message cannot end the command early. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also encode ":" and "," (they delimit properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
