// Turns a read that stopped short of a usable document (xml/read-xml.ts) into one finding. The codes
// are per artefact family (`cda/doctype`, `insi/encoding`, `xds/not-well-formed`) so each reads
// naturally in a report. Lines and columns are 1-based, as editors, SARIF and GitHub count them.
import type { Severity } from '../engine/finding.js';
import type { ArtefactFinding } from './types.js';
import type { XmlFault } from './xml/read-xml.js';
import { saxesReason } from './xml/saxes-reason.js';

/** Reader-level codes, suffixes of each family's codes (all errors: the document is not read further). */
export const READ_PROBLEMS = ['doctype', 'not-well-formed', 'encoding', 'unknown-encoding', 'too-large', 'too-complex'] as const;
export const READ_PROBLEM_FAMILIES = ['cda', 'insi', 'evs', 'xds'] as const;
export type ReadProblemFamily = (typeof READ_PROBLEM_FAMILIES)[number];
export const READ_PROBLEM_SEVERITY: Severity = 'error';

export function readProblemFinding(family: ReadProblemFamily, fault: XmlFault): ArtefactFinding {
  const finding = (problem: (typeof READ_PROBLEMS)[number], args: ArtefactFinding['args'], line?: number, column?: number): ArtefactFinding => ({
    rule: `${family}/${problem}`,
    severity: READ_PROBLEM_SEVERITY,
    args,
    ...(line !== undefined ? { line, location: `ligne ${line}` } : {}),
    ...(line !== undefined && column !== undefined ? { column: Math.max(1, column) } : {}),
  });
  switch (fault.status) {
    case 'doctype':
      return finding('doctype', {}, fault.line);
    case 'malformed':
      // saxes has counted the offending character when it reports it: its 0-based column is then the
      // 1-based column of that character.
      return finding('not-well-formed', saxesReason(fault.detail), fault.line, fault.column);
    case 'no-root':
      return finding('not-well-formed', { detail: 'no root element', detailCode: 'xml/no-root' });
    case 'undecodable': {
      const { problem } = fault;
      if (problem.kind === 'unknown-encoding') return finding('unknown-encoding', { encoding: problem.declared });
      return finding('encoding', { encoding: problem.encoding.toUpperCase(), offset: problem.byteOffset }, problem.line, problem.column);
    }
    case 'too-large':
      return finding('too-large', { size: fault.size, limit: fault.limit });
    case 'too-many-nodes':
    case 'too-deep':
      return finding('too-complex', { limit: fault.limit }, fault.line);
  }
}
