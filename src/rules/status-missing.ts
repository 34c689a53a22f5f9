import { manifestPlace, type RequirementRule } from './rule.js';

export const statusMissing: RequirementRule = {
  scope: 'requirement',
  code: 'status/missing',
  severity: 'error',
  verdict: 'incomplet',
  description: 'The manifest declares no status for the requirement (absent entry, or no `status`).',
  check(context) {
    if (context.entry?.status !== undefined) return [];
    const place = context.listed ? manifestPlace(context, ['requirements', context.requirement.id]) : { file: context.manifestFile };
    return [{ args: { requirement: context.requirement.id }, ...place }];
  },
};
