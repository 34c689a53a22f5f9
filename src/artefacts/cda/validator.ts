// CDA R2 validator: safe read of the whole document (header kept, body scanned to its last byte),
// then every header rule (a rule that throws becomes a finding), then the INS checks on the
// patient's identifiers. A well-formedness fault after the header is reported beside the header's
// findings; one inside the header, or a document that is not an HL7 v3 ClinicalDocument, alone.
import type { ArtefactFinding, ArtefactResult, ArtefactValidator } from '../types.js';
import { readProblemFinding } from '../read-findings.js';
import { DEFAULT_LIMITS } from '../xml/read-xml.js';
import { readCda } from './read-cda.js';
import type { CdaDocument } from './document.js';
import { CDA_RULES } from './rules/index.js';
import { checkCdaIdentities } from './patient-identity.js';
import { cdaDocumentFacts } from './document-facts.js';
import { cdaHeaderFacts } from './header-facts.js';
import { appendAll } from '../../util/append.js';

export const cdaValidator: ArtefactValidator = {
  kind: 'cda',
  maxBytes: DEFAULT_LIMITS.maxBytes,
  validate: async (bytes, input) => {
    const validated = validateCda(bytes);
    // CI-SIS volet rules (--cisis): loaded only then, as they bring fontoxpath and slimdom.
    if (input.cisis && validated.document) {
      const { voletFindings } = await import('../../cisis/validate-volet.js');
      appendAll(validated.result.findings, voletFindings(validated.document, bytes, input.cisis));
    }
    return validated.result;
  },
};

/** `bytes`: a whole CDA R2 document as stored (any supported encoding). */
export function validateCdaBytes(bytes: Uint8Array): ArtefactResult {
  return validateCda(bytes).result;
}

/** The validation result, and the document read (for callers comparing other data with its header). */
export function validateCda(bytes: Uint8Array): { result: ArtefactResult; document?: CdaDocument } {
  const outcome = readCda(bytes);
  if (outcome.status === 'not-cda') {
    const rule = outcome.root === 'ClinicalDocument' ? 'cda/namespace' : 'cda/not-cda';
    return { result: { findings: [{ rule, severity: 'error', args: { root: outcome.root, namespace: outcome.namespace || '∅' }, location: `/${outcome.root}` }], identities: [] } };
  }
  if (outcome.status !== 'cda') return { result: { findings: [readProblemFinding('cda', outcome)], identities: [] } };
  const { document } = outcome;
  const findings: ArtefactFinding[] = outcome.fault ? [readProblemFinding('cda', outcome.fault)] : [];
  for (const rule of CDA_RULES) {
    try {
      appendAll(findings, rule.check(document));
    } catch (error) {
      findings.push({
        rule: 'cda/rule-crashed',
        severity: 'error',
        args: { rule: rule.code, detail: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  const identity = checkCdaIdentities(document.root);
  appendAll(findings, identity.findings);
  return {
    result: { findings, identities: identity.identities, documents: [cdaDocumentFacts(document.root, bytes)], header: cdaHeaderFacts(document.root) },
    document,
  };
}
