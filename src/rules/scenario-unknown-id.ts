import { manifestPlace, type RequirementRule, type RuleFinding } from './rule.js';
import { closestId } from '../bundle/suggest.js';

export const scenarioUnknownId: RequirementRule = {
  scope: 'requirement',
  code: 'scenario/unknown-id',
  severity: 'warning',
  description: 'The manifest names a scenario the REM does not list for this requirement.',
  check(context) {
    const known = context.requirement.scenarios.map((scenario) => scenario.id);
    const findings: RuleFinding[] = [];
    for (const scenario of Object.keys(context.entry?.scenarios ?? {})) {
      if (known.includes(scenario)) continue;
      findings.push({
        args: { scenario, suggestion: closestId(scenario, known) },
        ...manifestPlace(context, ['requirements', context.requirement.id, 'scenarios', scenario]),
      });
    }
    return findings;
  },
};
