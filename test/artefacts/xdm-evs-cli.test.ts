// `segur validate --format json` on XDM archives and EVS reports, as a user runs it (built CLI):
// kinds sniffed from content, exact findings, exit 0 when valid and 1 on an error finding.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface ValidateJson {
  files: { path: string; kind: string; findings: { rule: string; severity: string; message: string; location: string | null }[] }[];
}

const validate = (...args: string[]) => {
  const run = runCli(['validate', '--format', 'json', ...args]);
  return { status: run.status, report: JSON.parse(run.stdout) as ValidateJson, stderr: run.stderr };
};
const rules = (report: ValidateJson) => report.files.map((file) => [file.path, file.kind, file.findings.map((finding) => `${finding.rule}:${finding.severity}`)]);

describe('segur validate on XDM archives and EVS reports', () => {
  it('exits 0 on a valid XDM archive and on PASSED reports of both formats, kinds sniffed', () => {
    const run = validate('fixtures/xdm/valid.zip', 'fixtures/evs/passed.xml', 'fixtures/evs/legacy-passed.xml');
    expect(run.status).toBe(0);
    expect(rules(run.report)).toEqual([
      ['fixtures/xdm/valid.zip', 'xdm', []],
      ['fixtures/evs/passed.xml', 'evs-report', []],
      ['fixtures/evs/legacy-passed.xml', 'evs-report', []],
    ]);
  });

  it('exits 0 on an UNDEFINED report (a warning)', () => {
    const run = validate('fixtures/evs/undefined.xml');
    expect(run.status).toBe(0);
    expect(rules(run.report)).toEqual([['fixtures/evs/undefined.xml', 'evs-report', ['evs/undefined:warning']]]);
  });

  it.each([
    ['fixtures/xdm/defects/wrong-hash.zip', 'xdm', ['xdm/hash:error']],
    ['fixtures/xdm/defects/wrong-size.zip', 'xdm', ['xdm/size:error']],
    ['fixtures/xdm/defects/wrong-patient-id.zip', 'xdm', ['xdm/patient-id:error']],
    ['fixtures/xdm/defects/missing-uri-file.zip', 'xdm', ['xdm/uri-not-found:error']],
    ['fixtures/xdm/defects/dot-dot-entry.zip', 'xdm', ['xdm/unsafe-entry-name:error']],
    ['fixtures/xdm/defects/zip-bomb-entry.zip', 'xdm', ['xdm/entry-too-large:error']],
    ['fixtures/xdm/defects/too-many-entries.zip', 'xdm', ['xdm/too-many-entries:error']],
    ['fixtures/evs/failed.xml', 'evs-report', ['evs/failed:error', 'evs/failed-constraint:info']],
    ['fixtures/evs/legacy-failed.xml', 'evs-report', ['evs/failed:error', 'evs/failed-constraint:info']],
  ])('%s → exit 1 with exactly its finding', (path, kind, expected) => {
    const run = validate(path);
    expect(run.status).toBe(1);
    expect(rules(run.report)).toEqual([[path, kind, expected]]);
  });

  it('masks the INS in an XDM patientId message unless asked', () => {
    const masked = validate('fixtures/xdm/defects/wrong-patient-id.zip').report.files[0]!.findings[0]!;
    expect(masked.message).toBe(
      'DocumentEntry.patientId : attendu l’INS du CDA 28503••••••••79 sous la forme INS^^^&1.2.250.1.213.1.4.10&ISO^NH, trouvé 27903••••••••89^^^&1.2.250.1.213.1.4.10&ISO^NH.',
    );
    expect(masked.location).toBe(
      'IHE_XDM/SUBSET01/METADATA.XML:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject/ExternalIdentifier[DocumentEntry.patientId]',
    );
  });

  it('reads an unknown XML as an EVS report when told, and says so', () => {
    const run = validate('--kind', 'evs-report', 'fixtures/evs/unknown-format.xml');
    expect(run.status).toBe(1);
    expect(rules(run.report)).toEqual([['fixtures/evs/unknown-format.xml', 'evs-report', ['evs/unknown-format:error']]]);
  });
});

describe('segur check with a real XDM proof', () => {
  it('passes sample-ok, whose MSS proof is an IHE_XDM.ZIP checked against its CDA', () => {
    const run = runCli(['check', 'fixtures/bundles/sample-ok']);
    expect(run.status).toBe(0);
  });
});
