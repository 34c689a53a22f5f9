import { manifestPlace, type BundleRule, type RuleFinding } from './rule.js';
import { createSuggester } from '../bundle/suggest.js';

export const unknownRequirement: BundleRule = {
  scope: 'bundle',
  code: 'manifest/unknown-requirement',
  severity: 'warning',
  description: 'The manifest declares a requirement id the REM does not have.',
  check(context) {
    const known = new Set(context.catalog.requirements.map((requirement) => requirement.id));
    // One suggester for the whole manifest: its work budget is shared by every unknown id.
    const suggester = createSuggester(context.selected.map((requirement) => requirement.id));
    const findings: RuleFinding[] = [];
    for (const id of Object.keys(context.manifest.requirements ?? {})) {
      if (known.has(id)) continue;
      findings.push({
        args: { requirement: id, suggestion: suggester.suggest(id) },
        ...manifestPlace(context, ['requirements', id]),
      });
    }
    return findings;
  },
};
