import { describe, expect, it } from 'vitest';
import { statusMissing } from '../../src/rules/status-missing.js';
import { statusInProgress } from '../../src/rules/status-in-progress.js';
import { statusUnjustifiedNonApplicable } from '../../src/rules/status-unjustified-non-applicable.js';
import { statusNonApplicableNotConditional } from '../../src/rules/status-non-applicable-not-conditional.js';
import type { RequirementRule } from '../../src/rules/rule.js';
import { runRequirementRule, type RequirementCase } from './harness.js';

const args = { requirement: 'INS/va1.02' };

const tables: Array<[RequirementRule, RequirementCase[]]> = [
  [
    statusMissing,
    [
      { name: 'status declared', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
      { name: 'requirement absent from the manifest', manifest: '  OTHER/1:\n    status: conforme\n', expected: [{ args, file: 'segur.yaml' }] },
      { name: 'requirement left empty', manifest: '  INS/va1.02:\n', expected: [{ args, file: 'segur.yaml', line: 4, column: 3 }] },
      {
        name: 'entry without status',
        manifest: '  INS/va1.02:\n    justification: rien\n',
        expected: [{ args, file: 'segur.yaml', line: 4, column: 3 }],
      },
    ],
  ],
  [
    statusInProgress,
    [
      { name: 'conforme', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
      { name: 'no status', manifest: '  INS/va1.02:\n', expected: [] },
      { name: 'en-cours', manifest: '  INS/va1.02:\n    status: en-cours\n', expected: [{ args, file: 'segur.yaml', line: 5, column: 5 }] },
    ],
  ],
  [
    statusUnjustifiedNonApplicable,
    [
      { name: 'justified', manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: pas de DMP\n', expected: [] },
      { name: 'conforme needs none', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
      { name: 'no justification', manifest: '  INS/va1.02:\n    status: non-applicable\n', expected: [{ args, file: 'segur.yaml', line: 5, column: 5 }] },
      {
        name: 'blank justification',
        manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: "  "\n',
        expected: [{ args, file: 'segur.yaml', line: 5, column: 5 }],
      },
    ],
  ],
  [
    statusNonApplicableNotConditional,
    [
      {
        name: 'conditional requirement',
        requirement: { conditional: true },
        manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: x\n',
        expected: [],
      },
      {
        name: 'REM does not say',
        requirement: { conditional: null },
        manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: x\n',
        expected: [],
      },
      { name: 'not non-applicable', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
      {
        name: 'not conditional',
        requirement: { conditional: false },
        manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: x\n',
        expected: [{ args, file: 'segur.yaml', line: 5, column: 5 }],
      },
    ],
  ],
];

for (const [rule, cases] of tables) {
  describe(rule.code, () => {
    it.each(cases)('$name', (testCase) => {
      expect(runRequirementRule(rule, testCase)).toEqual(testCase.expected);
    });
  });
}
