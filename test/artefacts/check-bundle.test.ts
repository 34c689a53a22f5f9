// `segur check` runs the CDA/INS validators on proof files: a wrong INS key in the CDA of
// INS/va1.02 makes that requirement non-conforme and fails the gate (built CLI, e2e).
import { describe, expect, it } from 'vitest';
import { cpSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('segur check with the same INS under different traits', () => {
  it('gives ins/identity-conflict, an error on both requirements holding the two artefacts', () => {
    const bundle = mkdtempSync(join(tmpdir(), 'segur-conflict-'));
    cpSync('fixtures/bundles/cda-wrong-ins-key', bundle, { recursive: true });
    copyFileSync('fixtures/cda/valid-n1.xml', join(bundle, 'proofs/INS_va1.02.01.01/document.xml'));
    const insi = join(bundle, 'proofs/INS_va1.01.01.02/reponse-insi.xml');
    writeFileSync(insi, readFileSync(insi, 'utf8').replace('<NomNaissance>MARTINEAU-ESSAI<', '<NomNaissance>DURAND<'));
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ReportJson;
    const conflicts = report.requirements.flatMap((requirement) =>
      requirement.findings
        .filter((finding) => finding.rule === 'ins/identity-conflict')
        .map((finding) => [requirement.id, requirement.verdict, finding.file]),
    );
    expect(conflicts).toEqual([
      ['INS/va1.01', 'non-conforme', 'proofs/INS_va1.01.01.02/reponse-insi.xml'],
      ['INS/va1.02', 'non-conforme', 'proofs/INS_va1.02.01.01/document.xml'],
    ]);
  });
});
