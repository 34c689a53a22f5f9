import { manifestPlace, type BundleRule, type RuleFinding } from './rule.js';
import { closestId } from '../bundle/suggest.js';

export const unknownRequirement: BundleRule = {
  scope: 'bundle',
  code: 'manifest/unknown-requirement',
  severity: 'warning',
  description: 'The manifest declares a requirement id the REM does not have.',
  check(context) {
    const known = new Set(context.catalog.requirements.map((requirement) => requirement.id));
    const findings: RuleFinding[] = [];
    for (const id of Object.keys(context.manifest.requirements ?? {})) {
      if (known.has(id)) continue;
      findings.push({
        args: { requirement: id, suggestion: closestId(id, context.selected.map((requirement) => requirement.id)) },
        ...manifestPlace(context, ['requirements', id]),
      });
    }
    return findings;
  },
};
