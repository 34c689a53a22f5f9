import { PROOFS_DIR, proofFolderName } from '../bundle/paths.js';
import type { BundleRule, RuleFinding } from './rule.js';
import { createSuggester } from '../bundle/suggest.js';

export const unknownProofFolder: BundleRule = {
  scope: 'bundle',
  code: 'bundle/unknown-proof-folder',
  severity: 'warning',
  description: 'A folder under proofs/ matches no proof number of the REM: its files belong to no proof (often a typo).',
  check(context) {
    const known = new Set(
      context.catalog.requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proofFolderName(proof.id)))),
    );
    const expected = context.selected.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proofFolderName(proof.id))));
    const suggester = createSuggester(expected);
    const findings: RuleFinding[] = [];
    for (const folder of context.proofFolders) {
      if (known.has(folder)) continue;
      const suggestion = suggester.suggest(folder);
      findings.push({
        file: `${PROOFS_DIR}/${folder}`,
        args: { folder: `${PROOFS_DIR}/${folder}/`, suggestion: suggestion ? `${PROOFS_DIR}/${suggestion}/` : undefined },
      });
    }
    return findings;
  },
};
