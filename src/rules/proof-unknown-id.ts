import { manifestPlace, type RequirementRule, type RuleFinding } from './rule.js';
import { closestId } from '../bundle/suggest.js';

export const proofUnknownId: RequirementRule = {
  scope: 'requirement',
  code: 'proof/unknown-id',
  severity: 'warning',
  description: 'The manifest lists files under a proof number the REM does not expect for this requirement (they are not read).',
  check(context) {
    const known = context.proofs.map((evidence) => evidence.proof.id);
    const listed = Object.keys(context.entry?.proofs ?? {});
    // Suggested: a proof the manifest does not list yet (one it lists is no misspelling of this one).
    const unlisted = known.filter((proof) => !listed.includes(proof));
    const findings: RuleFinding[] = [];
    for (const proof of listed) {
      if (known.includes(proof)) continue;
      findings.push({
        args: { proof, suggestion: closestId(proof, unlisted) },
        ...manifestPlace(context, ['requirements', context.requirement.id, 'proofs', proof]),
      });
    }
    return findings;
  },
};
