// `segur validate` on MSSanté messages through the built CLI, as a user runs it (issue 12,
// acceptance): every fixture's kind sniffed as eml and its exact findings, the exit code, and the
// same result with `--kind eml`.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runCli } from '../helpers/cli.js';
import { EML_DEFECTS as DEFECTS } from '../helpers/eml.js';

interface ValidateJson {
  files: { path: string; kind: string; findings: { rule: string; severity: string; message: string; location: string | null }[] }[];
}

const validate = (...args: string[]) => {
  const run = runCli(['validate', '--format', 'json', ...args]);
  return { status: run.status, report: JSON.parse(run.stdout) as ValidateJson, stderr: run.stderr };
};
const summary = (report: ValidateJson) => report.files.map((file) => [file.path, file.kind, file.findings.map((finding) => `${finding.rule}:${finding.severity}`)]);
const list = (dir: string) => readdirSync(join(projectRoot, dir)).sort().map((name) => `${dir}/${name}`);

const EXPECTED: Array<[string, string[]]> = [
  ['fixtures/eml/valid-patient.eml', []],
  ['fixtures/eml/valid-professional.eml', []],
  ['fixtures/eml/valid-text-only.eml', []],
  ...Object.entries(DEFECTS).map(([name, code]): [string, string[]] => [`fixtures/eml/defects/${name}`, [code]]),
  ['fixtures/eml/hostile/nesting-10000.eml', ['eml/too-deep:error']],
  ['fixtures/eml/hostile/parts-10000.eml', ['eml/too-many-parts:error']],
  ['fixtures/eml/hostile/zip-bomb.eml', ['xdm/entry-too-large:error']],
];

describe('segur validate on MSSanté messages', () => {
  const files = [...list('fixtures/eml').filter((path) => path.endsWith('.eml')), ...list('fixtures/eml/defects'), ...list('fixtures/eml/hostile')];

  it('sniffs every fixture as eml and gives each its exact findings, exit 1 for the errors', () => {
    const run = validate(...files);
    expect(run.status).toBe(1);
    expect(summary(run.report)).toEqual(files.map((path) => [path, 'eml', EXPECTED.find(([expected]) => expected === path)![1]]));
  });

  it('gives the same findings with --kind eml', () => {
    expect(summary(validate('--kind', 'eml', ...files).report)).toEqual(summary(validate(...files).report));
  });

  it('exits 0 on the valid messages', () => {
    const run = validate('fixtures/eml/valid-professional.eml', 'fixtures/eml/valid-patient.eml', 'fixtures/eml/valid-text-only.eml');
    expect(run.status).toBe(0);
  });

  it('words a finding in French with its location, the patient INS masked', () => {
    const [finding] = validate('fixtures/eml/defects/patient-address-bad-key.eml').report.files[0]!.findings;
    expect(finding).toEqual({
      rule: 'eml/patient-address',
      severity: 'error',
      message:
        'L’adresse patient 28503••••••••78@patient.mssante.fr (To) n’a pas une INS valide pour partie locale (15 caractères, clé exacte ; Référentiel socle MSSanté #2, ECO.2.2.6).',
      location: 'To',
      line: null,
      column: null,
    });
  });
});
