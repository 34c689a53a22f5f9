import { describe, expect, it } from 'vitest';
import { runBundleRules, runRequirementRules } from '../../src/engine/run-rules.js';
import type { BundleRule, RequirementRule } from '../../src/rules/rule.js';
import { catalog, manifestOf, requirement } from '../rules/harness.js';

const exploding: RequirementRule = {
  scope: 'requirement',
  code: 'test/explodes',
  severity: 'warning',
  description: 'Throws, to prove the engine guards the rule contract.',
  check() {
    throw new Error('boom');
  },
};
const reporting: RequirementRule = {
  scope: 'requirement',
  code: 'test/reports',
  severity: 'warning',
  description: 'Reports one finding.',
  check: () => [{ args: { x: 1 } }],
};
const explodingBundleRule: BundleRule = { ...exploding, scope: 'bundle', check: exploding.check };

describe('engine rule guard', () => {
  const loaded = manifestOf('  {}\n');
  const req = requirement();
  const context = { requirement: req, entry: undefined, listed: false, positions: loaded.positions, manifestFile: 'segur.yaml', proofs: [] };

  it('turns a throwing rule into an engine/rule-crashed error on the requirement and runs the others', () => {
    expect(runRequirementRules([exploding, reporting], context)).toEqual([
      { rule: 'engine/rule-crashed', severity: 'error', args: { code: 'test/explodes', detail: 'boom' }, requirement: 'INS/va1.02' },
      { rule: 'test/reports', severity: 'warning', args: { x: 1 }, requirement: 'INS/va1.02' },
    ]);
  });

  it('does the same for bundle rules, and runs only rules of the right scope', () => {
    const bundleContext = { catalog: catalog([req]), manifest: loaded.manifest, positions: loaded.positions, manifestFile: 'segur.yaml', selected: [req], proofFolders: [], strayFolderFiles: new Map() };
    expect(runBundleRules([explodingBundleRule, reporting], bundleContext)).toEqual([
      { rule: 'engine/rule-crashed', severity: 'error', args: { code: 'test/explodes', detail: 'boom' } },
    ]);
  });
});
