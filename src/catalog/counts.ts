import type { Requirement } from './schema.js';

export function catalogCounts(requirements: readonly Requirement[]): { requirements: number; scenarios: number; proofs: number } {
  const scenarios = requirements.flatMap((requirement) => requirement.scenarios);
  return {
    requirements: requirements.length,
    scenarios: scenarios.length,
    proofs: scenarios.reduce((total, scenario) => total + scenario.proofs.length, 0),
  };
}
