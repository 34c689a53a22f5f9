import { describe, expect, it } from 'vitest';
import { proofRows } from '../../src/report/render/proof-rows.js';
import type { ReportFinding } from '../../src/report/model.js';
import { fixtureContext, fixtureReport } from './fixture-context.js';

describe('proof rows', () => {
  it('gives one row per expected proof of the catalog, in REM order, with its state', () => {
    expect(proofRows(fixtureContext()).map((row) => [row.proof.id, row.state, row.files.length, row.findings.map((finding) => finding.rule)])).toEqual([
      ['INS/va1.01.01.01', 'present', 1, []],
      ['INS/va1.01.01.02', 'present', 2, []],
      ['INS/va1.02.01.01', 'error', 1, ['cda/realm-code', 'ins/oid']],
      ['DMP/va1.01.01.01', 'present', 1, []],
      ['DMP/va1.01.01.02', 'missing', 0, ['coverage/missing-proof']],
      ['DMP/va1.01.02.01', 'not-applicable', 0, []],
      ['ERGO/va1.05.01.01', 'not-applicable', 0, []],
    ]);
  });

  it('puts requirement-level findings on the first row, keeps proofs the catalog does not know, lists proof-less requirements', () => {
    const statusFinding: ReportFinding = { rule: 'status/in-progress', severity: 'error', message: 'en cours', requirement: 'INS/va1.01' };
    const strayFinding: ReportFinding = { rule: 'x/stray', severity: 'warning', message: 'preuve inconnue', requirement: 'INS/va1.01', proof: 'INS/va1.01.99.01' };
    const report = {
      ...fixtureReport,
      requirements: [
        {
          ...fixtureReport.requirements[0]!,
          proofs: [...fixtureReport.requirements[0]!.proofs, { id: 'INS/va1.01.99.01', files: [] }],
          findings: [statusFinding, strayFinding],
        },
        { id: 'HORS/CATALOGUE', nature: 'EXIGENCE' as const, verdict: 'incomplet' as const, proofs: [], findings: [] },
      ],
    };
    const rows = proofRows(fixtureContext({ report }));
    expect(rows.map((row) => [row.requirement.id, row.proof.id, row.state, row.findings.map((finding) => finding.rule)])).toEqual([
      ['INS/va1.01', 'INS/va1.01.01.01', 'present', ['status/in-progress']],
      ['INS/va1.01', 'INS/va1.01.01.02', 'present', []],
      ['INS/va1.01', 'INS/va1.01.99.01', 'missing', ['x/stray']],
      ['HORS/CATALOGUE', '', 'no-proof', []],
    ]);
  });
});
