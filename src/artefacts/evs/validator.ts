// Gazelle EVS report validator: a FAILED report is an error on its proof (with the validator's name
// and error count, and its failed constraints as details), UNDEFINED a warning, a report that cannot
// be read or has an unknown structure an error. The validated document, when named, is returned for
// the engine to match against a CDA of the same proof.
import type { ArtefactFinding, ArtefactResult, ArtefactValidator } from '../types.js';
import { readXml, ROOT_NAMESPACE } from '../xml/read-xml.js';
import { readProblemFinding } from '../read-findings.js';
import { ABSENT } from '../cda/rules/rule.js';
import { parseEvsReport, type EvsReport } from './read-report.js';
import { definedOnly } from '../defined-only.js';

/** Every finding code of this validator (message keys). */
export const EVS_CODES = [
  'evs/unknown-format',
  'evs/unknown-result',
  'evs/failed',
  'evs/undefined',
  'evs/failed-constraint',
  'evs/more-failed-constraints',
] as const;

export const evsValidator: ArtefactValidator = {
  kind: 'evs-report',
  maxBytes: 64 * 1024 * 1024,
  validate: async (bytes) => validateEvsBytes(bytes),
};

/** Reports list thousands of passed constraints: the tree may be larger than a CDA header's. */
const EVS_MAX_NODES = 500_000;
/** Failed constraints shown one by one; the rest are counted. */
const MAX_LISTED_CONSTRAINTS = 20;

/** `bytes`: a whole Gazelle EVS report (current or legacy XML format). */
export function validateEvsBytes(bytes: Uint8Array): ArtefactResult {
  // The report's elements are those of its root's namespace (Gazelle's, or none for the legacy
  // format): a foreign `constraint` never counts as one.
  const outcome = readXml(bytes, { limits: { maxNodes: EVS_MAX_NODES }, homeNamespace: ROOT_NAMESPACE });
  if (outcome.status === 'fault-after-tree') return { findings: [readProblemFinding('evs', outcome.fault)], identities: [] };
  if (outcome.status !== 'ok') return { findings: [readProblemFinding('evs', outcome)], identities: [] };
  const parsed = parseEvsReport(outcome.root);
  if (parsed.status === 'unknown-format') {
    return { findings: [{ rule: 'evs/unknown-format', severity: 'error', args: { root: parsed.root }, location: `/${parsed.root}` }], identities: [] };
  }
  const { report } = parsed;
  return {
    findings: findingsOf(report),
    identities: [],
    ...(report.validatedDocument ? { validatedDocument: report.validatedDocument } : {}),
    evsReport: definedOnly({ result: report.result, validator: report.validator, validatorVersion: report.validatorVersion }),
  };
}

function findingsOf(report: EvsReport): ArtefactFinding[] {
  const validator = report.validator ?? ABSENT;
  const version = report.validatorVersion ?? ABSENT;
  switch (report.result) {
    case 'PASSED':
      return [];
    case 'FAILED':
      return [{ rule: 'evs/failed', severity: 'error', args: { validator, version, errors: report.errors ?? 0 } }, ...constraintDetails(report)];
    case 'UNDEFINED':
    case 'ABORTED':
      return [{ rule: 'evs/undefined', severity: 'warning', args: { validator, version, result: report.result } }];
    default:
      return [{ rule: 'evs/unknown-result', severity: 'error', args: { result: report.result ?? ABSENT } }];
  }
}

function constraintDetails(report: EvsReport): ArtefactFinding[] {
  const listed = report.failedConstraints.slice(0, MAX_LISTED_CONSTRAINTS).map(
    (constraint): ArtefactFinding => ({
      rule: 'evs/failed-constraint',
      severity: 'info',
      args: { description: constraint.description },
      ...(constraint.location ? { location: constraint.location } : {}),
    }),
  );
  const more = report.failedConstraints.length - listed.length;
  return more > 0 ? [...listed, { rule: 'evs/more-failed-constraints', severity: 'info', args: { count: more } }] : listed;
}
