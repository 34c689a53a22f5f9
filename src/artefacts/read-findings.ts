// Turns a safe-read outcome that stopped short of a usable document into one finding. The codes
// are per artefact family (`cda/doctype`, `insi/doctype`) so each reads naturally in a report.
import type { Severity } from '../engine/finding.js';
import type { ArtefactFinding } from './types.js';
import type { XmlReadOutcome } from './xml/read-xml.js';

/** Reader-level codes, suffixes of `cda/…` and `insi/…` (all errors: the document is not read further). */
export const READ_PROBLEMS = ['doctype', 'not-well-formed', 'too-large', 'too-complex'] as const;
export const READ_PROBLEM_SEVERITY: Severity = 'error';

export function readProblemFinding(prefix: 'cda' | 'insi', outcome: Exclude<XmlReadOutcome, { status: 'ok' }>): ArtefactFinding {
  const finding = (problem: (typeof READ_PROBLEMS)[number], args: ArtefactFinding['args'], line?: number, column?: number): ArtefactFinding => ({
    rule: `${prefix}/${problem}`,
    severity: READ_PROBLEM_SEVERITY,
    args,
    ...(line !== undefined ? { line, location: `ligne ${line}` } : {}),
    ...(column !== undefined ? { column } : {}),
  });
  switch (outcome.status) {
    case 'doctype':
      return finding('doctype', {}, outcome.line);
    case 'malformed':
      return finding('not-well-formed', { detail: outcome.detail }, outcome.line, outcome.column);
    case 'no-root':
      return finding('not-well-formed', { detail: 'no root element' });
    case 'too-large':
      return finding('too-large', { size: outcome.size, limit: outcome.limit });
    case 'too-many-nodes':
    case 'too-deep':
      return finding('too-complex', { limit: outcome.limit }, outcome.line);
  }
}
