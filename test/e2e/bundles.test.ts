// Every fixture bundle through the built CLI: exit code, per-requirement verdicts and the exact
// error/warning codes of the JSON report (info notes of the artefact validators left aside).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/model.js';

type Verdicts = Record<string, string>;

const OK: Verdicts = {
  'INS/va1.01': 'conforme',
  'INS/va1.02': 'conforme',
  'DMP/va1.01': 'non-applicable',
  'MSS/va1.01': 'conforme',
  'ERGO/va1.05': 'conforme',
  'SC.SSI/IE.58': 'conforme',
};

interface BundleCase {
  bundle: string;
  exit: number;
  verdicts: Verdicts;
  /** [rule, requirement, file] of every error and warning, in report order. */
  findings: Array<[string, string | null, string | null]>;
}

const cases: BundleCase[] = [
  { bundle: 'sample-ok', exit: 0, verdicts: OK, findings: [] },
  {
    bundle: 'missing-proof',
    exit: 1,
    verdicts: { ...OK, 'INS/va1.02': 'incomplet' },
    findings: [['coverage/missing-proof', 'INS/va1.02', null]],
  },
  {
    bundle: 'undeclared-status',
    exit: 1,
    verdicts: { ...OK, 'MSS/va1.01': 'incomplet' },
    findings: [['status/missing', 'MSS/va1.01', 'segur.yaml']],
  },
  {
    bundle: 'unjustified-non-applicable',
    exit: 1,
    verdicts: { ...OK, 'DMP/va1.01': 'non-conforme' },
    findings: [['status/unjustified-non-applicable', 'DMP/va1.01', 'segur.yaml']],
  },
  {
    bundle: 'non-applicable-not-conditional',
    exit: 1,
    verdicts: { ...OK, 'INS/va1.01': 'non-conforme' },
    findings: [['status/non-applicable-not-conditional', 'INS/va1.01', 'segur.yaml']],
  },
  {
    bundle: 'wrong-kind',
    exit: 1,
    verdicts: { ...OK, 'INS/va1.01': 'non-conforme' },
    findings: [['file/kind-mismatch', 'INS/va1.01', 'proofs/INS_va1.01.01.01/appel-insi.png']],
  },
  {
    bundle: 'sha256-mismatch',
    exit: 1,
    verdicts: { ...OK, 'INS/va1.01': 'non-conforme' },
    findings: [['file/sha256-mismatch', 'INS/va1.01', 'proofs/INS_va1.01.01.01/appel-insi.png']],
  },
  {
    bundle: 'path-escape',
    exit: 1,
    verdicts: { ...OK, 'INS/va1.01': 'non-conforme' },
    findings: [
      ['bundle/path-escape', 'INS/va1.01', '../sample-ok/proofs/INS_va1.01.01.01/appel-insi.png'],
      ['bundle/path-escape', 'INS/va1.01', '/etc/hostname'],
    ],
  },
  {
    bundle: 'symlink-escape',
    exit: 1,
    verdicts: { ...OK, 'ERGO/va1.05': 'non-conforme', 'SC.SSI/IE.58': 'non-conforme' },
    findings: [
      ['bundle/symlink-escape', 'ERGO/va1.05', 'proofs/ERGO_va1.05.01.01'],
      ['bundle/symlink-escape', 'SC.SSI/IE.58', 'proofs/SC.SSI_IE.58.01.01/journal-acces.log'],
    ],
  },
  {
    bundle: 'empty-file',
    exit: 1,
    verdicts: { ...OK, 'SC.SSI/IE.58': 'non-conforme' },
    findings: [['file/empty', 'SC.SSI/IE.58', 'proofs/SC.SSI_IE.58.01.01/journal-acces.log']],
  },
  {
    bundle: 'unknown-requirement-id',
    exit: 1,
    verdicts: { ...OK, 'MSS/va1.01': 'incomplet' },
    findings: [
      ['manifest/unknown-requirement', null, 'segur.yaml'],
      ['status/missing', 'MSS/va1.01', 'segur.yaml'],
    ],
  },
  {
    bundle: 'preconisation-missing',
    exit: 0,
    verdicts: { ...OK, 'ERGO/va1.05': 'incomplet' },
    findings: [['coverage/missing-proof', 'ERGO/va1.05', null]],
  },
];

function checkJson(bundle: string, extra: string[] = []) {
  const run = runCli(['check', `fixtures/bundles/${bundle}`, '--format', 'json', ...extra]);
  return { run, report: run.stdout ? (JSON.parse(run.stdout) as Report) : undefined };
}

describe('segur check on the fixture bundles', () => {
  it.each(cases)('$bundle → exit $exit', ({ bundle, exit, verdicts, findings }) => {
    const { run, report } = checkJson(bundle);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(exit);
    expect(report!.verdict).toBe(exit === 0 ? 'pass' : 'fail');
    expect(Object.fromEntries(report!.requirements.map((requirement) => [requirement.id, requirement.verdict]))).toEqual(verdicts);
    const significant = report!.findings.filter((finding) => finding.severity !== 'info');
    expect(significant.map((finding) => [finding.rule, finding.requirement ?? null, finding.file ?? null])).toEqual(findings);
  });

  it('leaves requirements of other profiles out, keeps catalog order', () => {
    const { report } = checkJson('sample-ok');
    expect(report!.requirements.map((requirement) => requirement.id)).toEqual(Object.keys(OK));
    expect(report!.bundle.profiles).toEqual(['Général']);
  });

  it('says why in the message, with a suggestion for a mistyped id', () => {
    const { report } = checkJson('unknown-requirement-id');
    // The bundle-level findings: the CI-SIS note (no --cisis, a CDA in the bundle) sorts first.
    expect(report!.findings.filter((finding) => finding.rule === 'cisis/not-run')).toHaveLength(1);
    expect(report!.findings.find((finding) => finding.rule === 'manifest/unknown-requirement')).toEqual({
      rule: 'manifest/unknown-requirement',
      severity: 'warning',
      message: 'L’exigence MSS/va1.1 n’existe pas dans le REM. Vouliez-vous dire MSS/va1.01 ?',
      file: 'segur.yaml',
      line: 35,
      column: 3,
    });
  });

  it('never fails the gate on a PRECONISATION, even under --strict', () => {
    expect(checkJson('sample-ok', ['--strict']).run.status).toBe(0);
    const { run, report } = checkJson('preconisation-missing', ['--strict']);
    expect(run.status).toBe(0);
    expect(report!.verdict).toBe('pass');
  });

  it('overrides the profile with --profile (another profile, another requirement set)', () => {
    const { run, report } = checkJson('sample-ok', ['--profile', 'Centre de santé']);
    expect(run.status).toBe(1);
    expect(report!.requirements.map((requirement) => [requirement.id, requirement.verdict])).toEqual([['LGC.MDV.06', 'incomplet']]);
  });
});
