// What an MSSanté message (.eml proof) must carry for the proof it is deposited for, beyond what the
// message validator can tell alone (artefacts/eml/): a document when the REM's proof or scenario
// speaks of one (a CDA or an IHE XDM archive: an IHE_XDM.ZIP attachment), and the software reference
// of segur.yaml (`software.nil`) in its X-MSS-NIL header (Réf. socle MSSanté #2, ECO.2.4.3).
import type { ArtefactResult } from '../artefacts/types.js';
import type { Manifest } from '../bundle/manifest-schema.js';
import type { ProofEvidence } from '../rules/rule.js';
import type { Finding, Severity } from './finding.js';

/** Codes and severities of this module (messages in src/messages/{fr,en}/eml.ts). */
export const MESSAGE_PROOF_CODES: Record<string, Severity> = {
  'eml/no-attachment': 'error',
  'eml/no-xdm-attachment': 'error',
  'eml/x-mss-nil': 'error',
  'eml/x-mss-nil-unchecked': 'info',
};

/** The REM's wording for a proof that is (or carries) a document. */
const EXPECTS_DOCUMENT = /\b(?:documents?|pi[eè]ces? jointes?|CDA|XDM|IHE[_ ]XDM)\b/i;
/** … and for a proof that is a CDA document in an IHE XDM archive. */
const EXPECTS_XDM = /\b(?:CDA|XDM|IHE[_ ]XDM)\b/i;

export function messageProofFindings(requirement: string, proofs: readonly ProofEvidence[], results: ReadonlyMap<string, ArtefactResult>, manifest: Manifest): Finding[] {
  const findings: Finding[] = [];
  const declaredNil = manifest.software?.nil?.trim() || undefined;
  for (const { scenario, proof, files } of proofs) {
    const wording = `${proof.text}\n${scenario.text}`;
    for (const { ref } of files) {
      const message = results.get(ref.path)?.message;
      if (!message) continue;
      const finding = (rule: string, args: Finding['args'] = {}): Finding => ({ rule, severity: MESSAGE_PROOF_CODES[rule]!, args, requirement, proof: proof.id, file: ref.path });
      if (message.attachments === 0 && EXPECTS_DOCUMENT.test(wording)) findings.push(finding('eml/no-attachment'));
      else if (message.xdmArchives === 0 && EXPECTS_XDM.test(wording)) findings.push(finding('eml/no-xdm-attachment'));
      if (message.nil === undefined) continue; // its absence is the validator's eml/x-mss-nil-missing
      if (declaredNil === undefined) findings.push(finding('eml/x-mss-nil-unchecked', { found: message.nil }));
      else if (message.nil !== declaredNil) findings.push(finding('eml/x-mss-nil', { expected: declaredNil, found: message.nil }));
    }
  }
  return findings;
}
