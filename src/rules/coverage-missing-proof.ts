import { PROOFS_DIR, proofFolderName } from '../bundle/paths.js';
import { scenarioApplies, type RequirementRule, type RuleFinding } from './rule.js';

export const coverageMissingProof: RequirementRule = {
  scope: 'requirement',
  code: 'coverage/missing-proof',
  severity: 'error',
  verdict: 'incomplet',
  description: 'An expected proof of an applicable scenario has no file (manifest or proofs/ folder).',
  check(context) {
    if (context.entry?.status === 'non-applicable') return [];
    const findings: RuleFinding[] = [];
    for (const { scenario, proof, files } of context.proofs) {
      if (files.length > 0 || !scenarioApplies(context, scenario)) continue;
      findings.push({ proof: proof.id, args: { proof: proof.id, folder: `${PROOFS_DIR}/${proofFolderName(proof.id)}/` } });
    }
    return findings;
  },
};
