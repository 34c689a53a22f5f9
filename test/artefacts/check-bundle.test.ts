// `segur check` runs the CDA/INS validators on proof files: a wrong INS key in the CDA of
// INS/va1.02 makes that requirement non-conforme and fails the gate (built CLI, e2e).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface ReportJson {
  requirements: { id: string; verdict: string; findings: { rule: string; severity: string; file?: string; location?: string }[] }[];
}

describe('segur check on fixtures/bundles/cda-wrong-ins-key', () => {
  const run = runCli(['check', 'fixtures/bundles/cda-wrong-ins-key', '--format', 'json']);

  it('exits 1', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('gives non-conforme on INS/va1.02 because of the INS key, conforme on INS/va1.01', () => {
    const report = JSON.parse(run.stdout) as ReportJson;
    const verdicts = Object.fromEntries(report.requirements.map((requirement) => [requirement.id, requirement.verdict]));
    expect(verdicts['INS/va1.02']).toBe('non-conforme');
    expect(verdicts['INS/va1.01']).toBe('conforme');
    const insFindings = report.requirements
      .find((requirement) => requirement.id === 'INS/va1.02')!
      .findings.filter((finding) => finding.severity === 'error');
    expect(insFindings.map((finding) => [finding.rule, finding.file, finding.location])).toEqual([
      ['ins/key', 'proofs/INS_va1.02.01.01/document.xml', '/ClinicalDocument/recordTarget/patientRole/id[1]'],
    ]);
  });
});
