import { hasText, manifestPlace, type RequirementRule } from './rule.js';

export const statusUnjustifiedNonApplicable: RequirementRule = {
  scope: 'requirement',
  code: 'status/unjustified-non-applicable',
  severity: 'error',
  verdict: 'non-conforme',
  description: '`non-applicable` declared without a justification.',
  check(context) {
    if (context.entry?.status !== 'non-applicable' || hasText(context.entry.justification)) return [];
    return [{ args: { requirement: context.requirement.id }, ...manifestPlace(context, ['requirements', context.requirement.id, 'status']) }];
  },
};
