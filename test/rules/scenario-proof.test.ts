import { describe, expect, it } from 'vitest';
import { scenarioUnjustifiedNonApplicable } from '../../src/rules/scenario-unjustified-non-applicable.js';
import { scenarioUnknownId } from '../../src/rules/scenario-unknown-id.js';
import { proofUnknownId } from '../../src/rules/proof-unknown-id.js';
import { coverageMissingProof } from '../../src/rules/coverage-missing-proof.js';
import type { RequirementRule } from '../../src/rules/rule.js';
import { PNG, readFile, runRequirementRule, type RequirementCase } from './harness.js';

const png = await readFile('proofs/INS_va1.02.02.01/a.png', PNG);
const cda = await readFile('proofs/INS_va1.02.01.01/doc.xml', '<ClinicalDocument xmlns="urn:hl7-org:v3"/>');

const tables: Array<[RequirementRule, RequirementCase[]]> = [
  [
    scenarioUnjustifiedNonApplicable,
    [
      {
        name: 'justified',
        manifest: '  INS/va1.02:\n    status: conforme\n    scenarios:\n      INS/va1.02.02: { status: non-applicable, justification: alternative }\n',
        expected: [],
      },
      {
        name: 'unjustified',
        manifest: '  INS/va1.02:\n    status: conforme\n    scenarios:\n      INS/va1.02.02: { status: non-applicable }\n',
        expected: [{ args: { scenario: 'INS/va1.02.02' }, file: 'segur.yaml', line: 7, column: 7 }],
      },
      {
        name: 'a scenario declared conforme needs no justification',
        manifest: '  INS/va1.02:\n    scenarios:\n      INS/va1.02.02: { status: conforme }\n',
        expected: [],
      },
    ],
  ],
  [
    scenarioUnknownId,
    [
      { name: 'known scenario', manifest: '  INS/va1.02:\n    scenarios:\n      INS/va1.02.01: { status: conforme }\n', expected: [] },
      {
        name: 'typo gets a suggestion',
        manifest: '  INS/va1.02:\n    scenarios:\n      INS/va1.02.O2: { status: conforme }\n',
        expected: [{ args: { scenario: 'INS/va1.02.O2', suggestion: 'INS/va1.02.02' }, file: 'segur.yaml', line: 6, column: 7 }],
      },
      {
        name: 'far from any: no suggestion',
        manifest: '  INS/va1.02:\n    scenarios:\n      ZZZ: { status: conforme }\n',
        expected: [{ args: { scenario: 'ZZZ', suggestion: undefined }, file: 'segur.yaml', line: 6, column: 7 }],
      },
    ],
  ],
  [
    proofUnknownId,
    [
      { name: 'known proof', manifest: '  INS/va1.02:\n    proofs:\n      INS/va1.02.01.01: []\n', expected: [] },
      {
        name: 'proof of another requirement',
        manifest: '  INS/va1.02:\n    proofs:\n      INS/va1.02.01.1: []\n',
        expected: [{ args: { proof: 'INS/va1.02.01.1', suggestion: 'INS/va1.02.01.01' }, file: 'segur.yaml', line: 6, column: 7 }],
      },
      // A proof the manifest already lists is not « meant »: a proof removed from the REM (--since,
      // init --upgrade) would be sent to a proof already supplied (newcomer review).
      {
        name: 'the closest proof already listed: the closest one not listed',
        manifest: '  INS/va1.02:\n    proofs:\n      INS/va1.02.01.01: []\n      INS/va1.02.01.1: []\n',
        expected: [{ args: { proof: 'INS/va1.02.01.1', suggestion: 'INS/va1.02.02.01' }, file: 'segur.yaml', line: 7, column: 7 }],
      },
    ],
  ],
  [
    coverageMissingProof,
    [
      { name: 'every proof has a file', files: { 'INS/va1.02.01.01': [cda], 'INS/va1.02.02.01': [png] }, expected: [] },
      {
        name: 'one proof without file',
        manifest: '  INS/va1.02:\n    status: conforme\n',
        files: { 'INS/va1.02.01.01': [cda] },
        expected: [{ proof: 'INS/va1.02.02.01', args: { proof: 'INS/va1.02.02.01', folder: 'proofs/INS_va1.02.02.01/' } }],
      },
      {
        name: 'scenario declared non-applicable needs no proof',
        manifest: '  INS/va1.02:\n    status: conforme\n    scenarios:\n      INS/va1.02.02: { status: non-applicable, justification: x }\n',
        files: { 'INS/va1.02.01.01': [cda] },
        expected: [],
      },
      {
        name: 'requirement declared non-applicable needs no proof',
        manifest: '  INS/va1.02:\n    status: non-applicable\n    justification: x\n',
        expected: [],
      },
      {
        name: 'status missing still lists missing proofs',
        expected: [
          { proof: 'INS/va1.02.01.01', args: { proof: 'INS/va1.02.01.01', folder: 'proofs/INS_va1.02.01.01/' } },
          { proof: 'INS/va1.02.02.01', args: { proof: 'INS/va1.02.02.01', folder: 'proofs/INS_va1.02.02.01/' } },
        ],
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
