import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { render } from '../../src/report/formats/sarif.js';
import { fixtureContext } from './fixture-context.js';
import { sarifLogSchema } from './sarif-schema.js';

describe('sarif report', () => {
  const log = JSON.parse(render(fixtureContext()));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one rule per finding code', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('segur');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['bundle/unlisted-file', 'cda/realm-code', 'coverage/missing-proof', 'ins/oid']);
    for (const rule of run.tool.driver.rules) expect(rule.shortDescription.text).toEqual(expect.any(String));
    expect(run.tool.driver.rules[1].defaultConfiguration).toEqual({ level: 'error' });
  });

  it('gives each result a level, message, repository-relative location, line and requirement', () => {
    expect(run.results).toHaveLength(4);
    expect(run.results[1]).toEqual({
      ruleId: 'cda/realm-code',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'realmCode absent ou différent de « FR »' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'evidence/proofs/INS_va1.02.01.01/cda.xml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3 },
          },
        },
      ],
      properties: { requirement: 'INS/va1.02', proof: 'INS/va1.02.01.01', location: '/ClinicalDocument/realmCode' },
    });
    expect(run.results[2].level).toBe('warning');
    expect(run.results[2].locations[0].physicalLocation.region).toBeUndefined();
    // No file: the manifest stands for the bundle.
    expect(run.results[3].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'evidence/segur.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.results[0].properties).toBeUndefined();
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('prefixes the bundle path as given (GitHub ignores custom base ids), or gives a file URI outside the working folder', () => {
    expect(run.originalUriBaseIds).toBeUndefined();
    const uriOf = (bundleRoot: string) => JSON.parse(render(fixtureContext({ bundleRoot }))).runs[0].results[1].locations[0].physicalLocation.artifactLocation;
    expect(uriOf('.')).toEqual({ uri: 'proofs/INS_va1.02.01.01/cda.xml', uriBaseId: '%SRCROOT%' });
    expect(uriOf('./preuves/')).toEqual({ uri: 'preuves/proofs/INS_va1.02.01.01/cda.xml', uriBaseId: '%SRCROOT%' });
    expect(uriOf(join(process.cwd(), 'preuves'))).toEqual({ uri: 'preuves/proofs/INS_va1.02.01.01/cda.xml', uriBaseId: '%SRCROOT%' });
    expect(uriOf('/srv/dossier de preuves')).toEqual({ uri: 'file:///srv/dossier%20de%20preuves/proofs/INS_va1.02.01.01/cda.xml' });
  });

  it('gives a column only when it is 1 or more (GitHub rejects startColumn 0)', () => {
    const findings = [
      { rule: 'x/a', severity: 'error' as const, message: 'a', file: 'a.xml', line: 3, column: 0 },
      { rule: 'x/b', severity: 'error' as const, message: 'b', file: 'b.xml', line: 0, column: 4 },
      { rule: 'x/c', severity: 'error' as const, message: 'c', file: 'c.xml', line: 5, column: 7 },
    ];
    const regions = JSON.parse(render(fixtureContext({ report: { ...fixtureContext().report, findings } }))).runs[0].results.map(
      (result: { locations: { physicalLocation: { region?: unknown } }[] }) => result.locations[0]!.physicalLocation.region,
    );
    expect(regions).toEqual([{ startLine: 3 }, undefined, { startLine: 5, startColumn: 7 }]);
  });

  it('percent-encodes file names as URI references', () => {
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('evidence/notes,v2.txt');
    const report = { ...fixtureContext().report, findings: [{ ...fixtureContext().report.findings[0]!, file: 'proofs/a b/é#1?.png' }] };
    const encoded = JSON.parse(render(fixtureContext({ report }))).runs[0].results[0];
    expect(encoded.locations[0].physicalLocation.artifactLocation.uri).toBe('evidence/proofs/a%20b/%C3%A9%231%3F.png');
  });
});

describe('sarif report against the SARIF 2.1.0 schema (the part segur emits)', () => {
  it.each([
    ['the fixture', fixtureContext()],
    ['an absolute bundle path', fixtureContext({ bundleRoot: '/srv/preuves' })],
    ['English', fixtureContext({ lang: 'en' })],
  ])('%s validates', (_, context) => {
    const parsed = sarifLogSchema.safeParse(JSON.parse(render(context)));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('the schema rejects what the specification forbids', () => {
    const log = JSON.parse(render(fixtureContext()));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(sarifLogSchema.safeParse(log).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'runs.0.results.0.level',
      'runs.0.results.1.locations.0.physicalLocation.region.startLine',
    ]);
  });
});
