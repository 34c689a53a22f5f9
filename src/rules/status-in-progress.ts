import { manifestPlace, type RequirementRule } from './rule.js';

export const statusInProgress: RequirementRule = {
  scope: 'requirement',
  code: 'status/in-progress',
  severity: 'error',
  verdict: 'incomplet',
  description: 'The requirement is declared `en-cours`: not ready for submission.',
  check(context) {
    if (context.entry?.status !== 'en-cours') return [];
    return [{ args: { requirement: context.requirement.id }, ...manifestPlace(context, ['requirements', context.requirement.id, 'status']) }];
  },
};
