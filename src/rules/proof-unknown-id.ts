import { manifestPlace, type RequirementRule, type RuleFinding } from './rule.js';
import { closestId } from '../bundle/suggest.js';

export const proofUnknownId: RequirementRule = {
  scope: 'requirement',
  code: 'proof/unknown-id',
  severity: 'warning',
  description: 'The manifest lists files under a proof number the REM does not expect for this requirement (they are not read).',
  check(context) {
    const known = context.proofs.map((evidence) => evidence.proof.id);
    const findings: RuleFinding[] = [];
    for (const proof of Object.keys(context.entry?.proofs ?? {})) {
      if (known.includes(proof)) continue;
      findings.push({
        args: { proof, suggestion: closestId(proof, known) },
        ...manifestPlace(context, ['requirements', context.requirement.id, 'proofs', proof]),
      });
    }
    return findings;
  },
};
