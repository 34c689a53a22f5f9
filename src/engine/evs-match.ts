// EVS ↔ CDA (issue 12): a Gazelle EVS report deposited for a requirement must be about a CDA
// document of that requirement (a CDA file, or one inside an XDM archive or an MSSanté message of
// any of its proofs). The report is matched by the strongest identifier it gives: the SHA-256 of
// the document it embeds (or of its XML text, when only line endings, BOM or encoding differ),
// else the id, setId or title it names, else its file name; a report about
// another document, or an inconclusive one, is an error on the report's proof. Each finding names
// the validator and its version as the report states them.
import type { ArtefactResult, CdaDocumentFacts, ValidatedDocumentRef } from '../artefacts/types.js';
import type { ProofEvidence } from '../rules/rule.js';
import type { Finding, Severity } from './finding.js';

/** Codes and severities of this module (messages in src/messages/{fr,en}/eml.ts). */
export const EVS_MATCH_CODES: Record<string, Severity> = {
  'evs/document-matched': 'info',
  'evs/document-matched-text': 'info',
  'evs/other-document': 'error',
  'evs/document-changed': 'error',
  'evs/unmatched': 'warning',
  'evs/inconclusive': 'error',
};

const ABSENT = '∅';

interface Candidate {
  /** `path` or `path:entry` (a CDA inside an archive or a message). */
  label: string;
  document: CdaDocumentFacts;
  path: string;
}

/** Identifiers a report may name, strongest first; each compared with the same field of the documents. */
const KEYS = [
  { how: 'SHA-256', named: (ref: ValidatedDocumentRef) => ref.sha256, of: (document: CdaDocumentFacts) => document.sha256 },
  { how: 'id', named: (ref: ValidatedDocumentRef) => ref.documentId, of: (document: CdaDocumentFacts) => document.id },
  { how: 'setId', named: (ref: ValidatedDocumentRef) => ref.setId, of: (document: CdaDocumentFacts) => document.setId },
  { how: 'title', named: (ref: ValidatedDocumentRef) => normalise(ref.title), of: (document: CdaDocumentFacts) => normalise(document.title) },
] as const;

/**
 * Findings for every EVS report among `proofs` (one requirement's proofs), given each file's
 * validation result by bundle path. Nothing when the requirement holds no CDA document.
 */
export function evsMatchFindings(requirement: string, proofs: readonly ProofEvidence[], results: ReadonlyMap<string, ArtefactResult>): Finding[] {
  const candidates = documentsOf(proofs, results);
  if (candidates.length === 0) return [];
  const findings: Finding[] = [];
  for (const { proof, files } of proofs) {
    for (const { ref } of files) {
      const result = results.get(ref.path);
      if (!result?.evsReport) continue;
      const at = { requirement, proof: proof.id, file: ref.path };
      const args = { validator: result.evsReport.validator ?? ABSENT, version: result.evsReport.validatorVersion ?? ABSENT };
      const match = matchReport(result.validatedDocument ?? {}, candidates);
      const finding = (rule: string, extra: Finding['args']): Finding => ({ rule, severity: EVS_MATCH_CODES[rule]!, args: { ...args, ...extra }, ...at });
      if (match.status === 'matched') findings.push(finding('evs/document-matched', { document: match.candidate.label, how: match.how }));
      else if (match.status === 'same-text') findings.push(finding('evs/document-matched-text', { document: match.candidate.label, reported: match.reported, expected: match.candidate.document.sha256 }));
      else if (match.status === 'other') findings.push(finding('evs/other-document', { how: match.how, reported: match.reported, expected: match.expected }));
      else if (match.status === 'changed') findings.push(finding('evs/document-changed', { document: match.candidate.label, id: match.id, reported: match.reported, expected: match.candidate.document.sha256 }));
      else findings.push(finding('evs/unmatched', {}));
      const verdict = result.evsReport.result;
      if ((match.status === 'matched' || match.status === 'same-text' || match.status === 'unmatched') && verdict !== undefined && verdict !== 'PASSED' && verdict !== 'FAILED') {
        // FAILED is already an error of the report itself (evs/failed); UNDEFINED or ABORTED proves nothing.
        findings.push(finding('evs/inconclusive', { result: verdict }));
      }
    }
  }
  return findings;
}

type Match =
  | { status: 'matched'; candidate: Candidate; how: string }
  /** The embedded document has other bytes but the same XML text (line endings, BOM, encoding). */
  | { status: 'same-text'; candidate: Candidate; reported: string }
  | { status: 'other'; how: string; reported: string; expected: string }
  /** The report embeds a document with the id of one of the requirement, but other bytes. */
  | { status: 'changed'; candidate: Candidate; id: string; reported: string }
  | { status: 'unmatched' };

function matchReport(named: ValidatedDocumentRef, candidates: readonly Candidate[]): Match {
  if (named.sha256 !== undefined && !candidates.some(({ document }) => document.sha256 === named.sha256)) {
    // The same document saved another way (CRLF, BOM, UTF-16) is the document that was validated.
    const sameText = named.textSha256 === undefined ? undefined : candidates.find(({ document }) => document.textSha256 === named.textSha256);
    if (sameText) return { status: 'same-text', candidate: sameText, reported: named.sha256 };
    const sameId = named.documentId === undefined ? undefined : candidates.find(({ document }) => document.id === named.documentId);
    if (sameId) return { status: 'changed', candidate: sameId, id: named.documentId!, reported: named.sha256 };
    // The embedded document's id, when it has one, says better than its hash which document it is.
    if (named.documentId !== undefined) return other(KEYS[1], named, candidates);
  }
  for (const key of KEYS) {
    const reported = key.named(named);
    if (reported === undefined) continue;
    const candidate = candidates.find(({ document }) => key.of(document) === reported);
    if (candidate) return { status: 'matched', candidate, how: key.how };
    return other(key, named, candidates);
  }
  // A file name is no identifier (files are renamed when deposited): it may confirm, never refute.
  const fileName = named.fileName?.toLowerCase();
  const byName = fileName === undefined ? undefined : candidates.find(({ label }) => baseName(label).toLowerCase() === fileName);
  return byName ? { status: 'matched', candidate: byName, how: 'fileName' } : { status: 'unmatched' };
}

function other(key: (typeof KEYS)[number], named: ValidatedDocumentRef, candidates: readonly Candidate[]): Match {
  const expected = candidates.map(({ document, label }) => `${key.of(document) ?? ABSENT} (${label})`).join(', ');
  return { status: 'other', how: key.how, reported: key.how === 'title' ? named.title! : key.named(named)!, expected };
}

function documentsOf(proofs: readonly ProofEvidence[], results: ReadonlyMap<string, ArtefactResult>): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const { files } of proofs) {
    for (const { ref } of files) {
      if (seen.has(ref.path)) continue;
      seen.add(ref.path);
      for (const document of results.get(ref.path)?.documents ?? []) {
        candidates.push({ path: ref.path, document, label: document.location ? `${ref.path}:${document.location}` : ref.path });
      }
    }
  }
  return candidates;
}

function baseName(label: string): string {
  return label.split(/[/:]/).pop() ?? label;
}

function normalise(title: string | undefined): string | undefined {
  return title?.replace(/\s+/g, ' ').trim() || undefined;
}
