import { describe, expect, it } from 'vitest';
import { unknownRequirement } from '../../src/rules/unknown-requirement.js';
import { requirementOtherProfile } from '../../src/rules/requirement-other-profile.js';
import { requirement } from './harness.js';
import { runBundleRule } from './harness.js';

const general = requirement();
const centre = requirement({ id: 'LGC.MDV.06', profiles: ['Centre de santé'], scenarios: [] });

describe('manifest/unknown-requirement', () => {
  it.each([
    { name: 'known ids', manifest: '  INS/va1.02:\n    status: conforme\n  LGC.MDV.06:\n', expected: [] },
    {
      name: 'typo with suggestion',
      manifest: '  INS/va1.2:\n    status: conforme\n',
      expected: [{ args: { requirement: 'INS/va1.2', suggestion: 'INS/va1.02' }, file: 'segur.yaml', line: 4, column: 3 }],
    },
    {
      name: 'unrelated id',
      manifest: '  FOO/BAR.99:\n    status: conforme\n',
      expected: [{ args: { requirement: 'FOO/BAR.99', suggestion: undefined }, file: 'segur.yaml', line: 4, column: 3 }],
    },
  ])('$name', ({ manifest, expected }) => {
    expect(runBundleRule(unknownRequirement, manifest, [general, centre], [general])).toEqual(expected);
  });
});

describe('manifest/requirement-other-profile', () => {
  it.each([
    { name: 'only selected requirements', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
    {
      name: 'requirement of another profile',
      manifest: '  INS/va1.02:\n    status: conforme\n  LGC.MDV.06:\n    status: conforme\n',
      expected: [{ args: { requirement: 'LGC.MDV.06', profiles: 'Centre de santé' }, file: 'segur.yaml', line: 6, column: 3 }],
    },
  ])('$name', ({ manifest, expected }) => {
    expect(runBundleRule(requirementOtherProfile, manifest, [general, centre], [general])).toEqual(expected);
  });
});
