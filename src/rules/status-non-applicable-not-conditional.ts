import { manifestPlace, type RequirementRule } from './rule.js';

export const statusNonApplicableNotConditional: RequirementRule = {
  scope: 'requirement',
  code: 'status/non-applicable-not-conditional',
  severity: 'error',
  verdict: 'non-conforme',
  description: '`non-applicable` declared for a requirement the REM marks as not conditional.',
  check(context) {
    if (context.entry?.status !== 'non-applicable' || context.requirement.conditional !== false) return [];
    return [{ args: { requirement: context.requirement.id }, ...manifestPlace(context, ['requirements', context.requirement.id, 'status']) }];
  },
};
