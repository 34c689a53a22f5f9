// Runs the registry's rules and guards their contract: a rule that throws becomes a finding
// (`engine/rule-crashed`, error) on the requirement it was checking, and the run goes on.
import type { BundleContext, BundleRule, RequirementContext, RequirementRule, Rule, RuleFinding } from '../rules/rule.js';
import type { Finding } from './finding.js';

export function runRequirementRules(rules: readonly Rule[], context: RequirementContext): Finding[] {
  const requirement = context.requirement.id;
  return rules
    .filter((rule): rule is RequirementRule => rule.scope === 'requirement')
    .flatMap((rule) => guarded(rule, () => rule.check(context)).map((finding) => ({ ...finding, requirement })));
}

export function runBundleRules(rules: readonly Rule[], context: BundleContext): Finding[] {
  return rules.filter((rule): rule is BundleRule => rule.scope === 'bundle').flatMap((rule) => guarded(rule, () => rule.check(context)));
}

function guarded(rule: Rule, check: () => RuleFinding[]): Finding[] {
  try {
    return check().map((finding) => ({ ...finding, rule: rule.code, severity: rule.severity }));
  } catch (error) {
    return [
      {
        rule: 'engine/rule-crashed',
        severity: 'error',
        args: { code: rule.code, detail: error instanceof Error ? error.message : String(error) },
      },
    ];
  }
}
