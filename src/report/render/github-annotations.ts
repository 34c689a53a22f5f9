// GitHub Actions workflow commands for any list of findings (`check`'s report, `validate`'s files):
// `::error` / `::warning` lines the runner turns into annotations on the files. GitHub shows at most
// 10 error and 10 warning annotations per step (actions/toolkit docs/problem-matchers.md, "Limitations";
// 50 per job): past that, findings are printed as plain log lines, and one `::notice` says how many
// were not annotated and where the full report is.
import type { ReportFinding } from '../model.js';
import type { RepositoryPath } from './repository-path.js';
import { maskUnlessRevealed } from '../../messages/index.js';
import { neutraliseControls } from './escape.js';
import { findingLine, type Translate } from './wording.js';

/** GitHub's cap per severity and per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMANDS = { error: 'error', warning: 'warning' } as const;
type Annotated = ReportFinding & { severity: keyof typeof COMMANDS };

export interface AnnotationInput {
  findings: readonly ReportFinding[];
  /** Where a finding's file is from the repository root; undefined for a finding about no file. */
  locate: (finding: ReportFinding) => RepositoryPath | undefined;
  t: Translate;
  /** `--reveal-identifiers`: the log lines past the cap show the paths in clear. */
  revealIdentifiers?: boolean;
}

export function githubAnnotations({ findings, locate, t, revealIdentifiers }: AnnotationInput): string {
  const annotated: string[] = [];
  const overflow: string[] = [];
  const used = { error: 0, warning: 0 };
  for (const finding of findings) {
    if (!(finding.severity in COMMANDS)) continue;
    const severity = (finding as Annotated).severity;
    const location = finding.file === undefined ? undefined : locate(finding);
    if (used[severity] < ANNOTATIONS_PER_LEVEL) {
      used[severity] += 1;
      annotated.push(annotation(finding as Annotated, location));
    } else {
      // A log line is read, not resolved: its path is masked like any text (the file= of an annotation is not).
      const where = location === undefined ? '' : `${maskUnlessRevealed(location.path, revealIdentifiers)}${finding.line === undefined ? '' : `:${finding.line}`}: `;
      overflow.push(neutraliseControls(`${where}${findingLine(t, { ...finding, file: undefined, line: undefined })} [${finding.rule}]`).replace(/[\r\n]+/g, ' ') + '\n');
    }
  }
  if (overflow.length === 0) return annotated.join('');
  const notice = `::notice title=segur::${escapeData(t('report/github.overflow', { count: overflow.length, max: ANNOTATIONS_PER_LEVEL }))}\n`;
  return [...annotated, notice, ...overflow].join('');
}

function annotation(finding: Annotated, location: RepositoryPath | undefined): string {
  const properties: string[] = [];
  if (location !== undefined) properties.push(`file=${escapeProperty(location.path)}`);
  if (location !== undefined && finding.line !== undefined && finding.line >= 1) properties.push(`line=${finding.line}`);
  if (location !== undefined && finding.line !== undefined && finding.line >= 1 && finding.column !== undefined && finding.column >= 1) properties.push(`col=${finding.column}`);
  const title = finding.requirement === undefined ? finding.rule : `${finding.requirement} · ${finding.rule}`;
  properties.push(`title=${escapeProperty(title)}`);
  const where = finding.location === undefined ? '' : ` (${finding.location})`;
  return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message + where)}\n`;
}

/**
 * Command data: "%", CR and LF are percent-encoded so a message cannot end the command early
 * (actions/toolkit, packages/core/src/command.ts); other controls never reach the runner's log raw.
 */
export function escapeData(text: string): string {
  return neutraliseControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also encode ":" and "," (they delimit properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
