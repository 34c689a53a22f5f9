import { manifestPlace, type BundleRule, type RuleFinding } from './rule.js';

export const requirementOtherProfile: BundleRule = {
  scope: 'bundle',
  code: 'manifest/requirement-other-profile',
  severity: 'info',
  description: 'The manifest declares a requirement of a profile that is not checked (it is left out).',
  check(context) {
    const selected = new Set(context.selected.map((requirement) => requirement.id));
    const findings: RuleFinding[] = [];
    for (const requirement of context.catalog.requirements) {
      if (selected.has(requirement.id) || !Object.hasOwn(context.manifest.requirements ?? {}, requirement.id)) continue;
      findings.push({
        args: { requirement: requirement.id, profiles: requirement.profiles.join(', ') },
        ...manifestPlace(context, ['requirements', requirement.id]),
      });
    }
    return findings;
  },
};
