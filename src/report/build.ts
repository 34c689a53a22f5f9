// Findings and verdicts → the Report (`segur-report/1`, docs/product.md): messages rendered in the
// run's language (identifiers masked unless revealed), requirements in catalog order, findings in
// a stable order, no date unless asked. Same inputs, same bytes.
import type { Catalog, Nature } from '../catalog/schema.js';
import type { Manifest } from '../bundle/manifest-schema.js';
import type { AttachedFile } from '../bundle/model.js';
import { compareFindings, type Finding } from '../engine/finding.js';
import { formatMessage, maskUnlessRevealed, type Lang } from '../messages/index.js';
import type { ProofEvidence } from '../rules/rule.js';
import { toolVersion } from '../version.js';
import { REPORT_SCHEMA, type Report, type ReportFile, type ReportFinding, type Verdict } from './model.js';

export interface RequirementOutcome {
  id: string;
  nature: Nature;
  verdict: Verdict;
  proofs: readonly ProofEvidence[];
  findings: readonly Finding[];
}

export interface ReportInput {
  catalog: Catalog;
  manifest: Manifest;
  profiles: readonly string[];
  outcomes: readonly RequirementOutcome[];
  bundleFindings: readonly Finding[];
  gatePassed: boolean;
  lang: Lang;
  revealIdentifiers: boolean;
  date?: string;
}

export function buildReport(input: ReportInput): Report {
  const render = (finding: Finding) => renderFinding(finding, input.lang, input.revealIdentifiers);
  const requirements = input.outcomes.map((outcome) => ({
    id: outcome.id,
    nature: outcome.nature,
    verdict: outcome.verdict,
    proofs: outcome.proofs.map(({ proof, files }) => ({ id: proof.id, files: files.map((file) => reportFile(file, input.revealIdentifiers)) })),
    findings: [...outcome.findings].sort(compareFindings).map(render),
  }));
  const findings = [...[...input.bundleFindings].sort(compareFindings).map(render), ...requirements.flatMap((requirement) => requirement.findings)];
  const count = (verdict: Verdict) => requirements.filter((requirement) => requirement.verdict === verdict).length;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'segur', version: toolVersion() },
    catalog: { id: input.catalog.id, title: input.catalog.title, sha256: input.catalog.source.sha256 },
    bundle: { editor: { ...input.manifest.editor }, software: { ...input.manifest.software }, profiles: [...input.profiles] },
    ...(input.date ? { date: input.date } : {}),
    verdict: input.gatePassed ? 'pass' : 'fail',
    summary: {
      requirements: requirements.length,
      conforme: count('conforme'),
      'non-conforme': count('non-conforme'),
      incomplet: count('incomplet'),
      'non-applicable': count('non-applicable'),
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
    },
    requirements,
    findings,
  };
}

/**
 * A finding's file as it is on disk (bundle-relative, POSIX), by rendered finding: `file` is masked
 * for people to read, but the locations CI tools resolve (SARIF artifactLocation.uri, GitHub's
 * `file=`) must name the real file even when its name holds an INS/NIR-shaped number. Kept beside
 * the report, not in it: the JSON report's `file` stays masked. Rendered copies of a finding (`{...f}`)
 * fall back to their `file`.
 */
const FILES_ON_DISK = new WeakMap<ReportFinding, string>();

/** The path `finding.file` stands for, unmasked (undefined for a finding about no file). */
export function fileOnDisk(finding: ReportFinding): string | undefined {
  return FILES_ON_DISK.get(finding) ?? finding.file;
}

export function renderFinding(finding: Finding, lang: Lang, revealIdentifiers: boolean): ReportFinding {
  const options = { lang, revealIdentifiers };
  const suggestion = finding.args.suggestion;
  const message =
    formatMessage(finding.messageKey ?? finding.rule, finding.args, options) +
    (suggestion !== undefined && suggestion !== '' ? formatMessage('rules/did-you-mean', { suggestion }, options) : '');
  // Fixed key order, absent fields left out: the JSON is byte-stable.
  const rendered: ReportFinding = { rule: finding.rule, severity: finding.severity, message };
  if (finding.requirement !== undefined) rendered.requirement = finding.requirement;
  if (finding.proof !== undefined) rendered.proof = finding.proof;
  if (finding.file !== undefined) rendered.file = maskUnlessRevealed(finding.file, revealIdentifiers);
  if (finding.location !== undefined) rendered.location = maskUnlessRevealed(finding.location, revealIdentifiers);
  if (finding.line !== undefined) rendered.line = finding.line;
  if (finding.column !== undefined) rendered.column = finding.column;
  if (finding.file !== undefined && rendered.file !== finding.file) FILES_ON_DISK.set(rendered, finding.file);
  return rendered;
}

function reportFile(file: AttachedFile, revealIdentifiers: boolean): ReportFile {
  const { facts } = file;
  const read = facts.status === 'read';
  return {
    path: maskUnlessRevealed(file.ref.path, revealIdentifiers),
    kind: file.kind ?? 'unknown',
    sha256: read ? facts.sha256 : '',
    size: read ? facts.size : 0,
  };
}
