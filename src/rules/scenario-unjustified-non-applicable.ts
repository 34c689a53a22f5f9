import { hasText, manifestPlace, type RequirementRule, type RuleFinding } from './rule.js';

export const scenarioUnjustifiedNonApplicable: RequirementRule = {
  scope: 'requirement',
  code: 'scenario/unjustified-non-applicable',
  severity: 'error',
  verdict: 'non-conforme',
  description: 'A scenario is declared `non-applicable` without a justification.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [scenario, entry] of Object.entries(context.entry?.scenarios ?? {})) {
      if (entry.status !== 'non-applicable' || hasText(entry.justification)) continue;
      findings.push({
        args: { scenario },
        ...manifestPlace(context, ['requirements', context.requirement.id, 'scenarios', scenario]),
      });
    }
    return findings;
  },
};
