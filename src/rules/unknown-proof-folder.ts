import { PROOFS_DIR, proofFolderName, samePathKey } from '../bundle/paths.js';
import { catalogProofFolders, manifestFilesByFolder } from '../bundle/stray-folders.js';
import type { BundleRule, RuleFinding } from './rule.js';
import { createSuggester } from '../bundle/suggest.js';

/**
 * A folder under proofs/ named after no proof of the REM: its files count for no proof unless the
 * manifest lists them under one (what `segur init --upgrade` writes for an old proof number). Such a
 * folder is reported only for the files attached to nothing; the proof the manifest attaches the
 * others to is then the one named: a guess from the spelling would point elsewhere.
 */
export const unknownProofFolder: BundleRule = {
  scope: 'bundle',
  code: 'bundle/unknown-proof-folder',
  severity: 'warning',
  description: 'A folder under proofs/ matches no proof number of the REM and holds files the manifest attaches to no proof (often a typo).',
  check(context) {
    const known = catalogProofFolders(context.catalog);
    const listed = manifestFilesByFolder(context.manifest, context.catalog);
    // Suggested: a proof folder that is not there yet. One already there is no misspelling of the
    // stray folder, and moving its files into it would attach them to another proof.
    const present = new Set(context.proofFolders.map(samePathKey));
    const expected = context.selected.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proofFolderName(proof.id))));
    const suggester = createSuggester(expected.filter((folder) => !present.has(samePathKey(folder))));
    const findings: RuleFinding[] = [];
    for (const folder of context.proofFolders) {
      if (known.has(folder)) continue;
      const attached = listed.get(samePathKey(folder));
      const place = { file: `${PROOFS_DIR}/${folder}` };
      if (attached === undefined) {
        const suggestion = suggester.suggest(folder);
        findings.push({ ...place, args: { folder: `${PROOFS_DIR}/${folder}/`, suggestion: suggestion ? `${PROOFS_DIR}/${suggestion}/` : undefined } });
        continue;
      }
      const loose = (context.strayFolderFiles.get(folder) ?? []).filter((file) => !attached.has(samePathKey(file)));
      if (loose.length === 0) continue;
      const proofs = [...new Set(attached.values())];
      findings.push({
        ...place,
        messageKey: 'bundle/unknown-proof-folder.partly-attached',
        args: {
          folder: `${PROOFS_DIR}/${folder}/`,
          count: loose.length,
          first: loose[0],
          proofs: proofs.join(', '),
          // Only one proof to name: where these files most likely belong too.
          suggestion: proofs.length === 1 ? `${PROOFS_DIR}/${proofFolderName(proofs[0]!)}/` : undefined,
        },
      });
    }
    return findings;
  },
};
