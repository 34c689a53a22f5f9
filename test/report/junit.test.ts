import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/formats/junit.js';
import { fixtureContext, fixtureReport } from './fixture-context.js';
import { junitSchema } from './junit-schema.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'property' });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Record<string, string> & { testcase: Record<string, any>[] } } };
}

describe('junit report', () => {
  it('is valid XML with one testcase per requirement (+1 for findings outside any requirement)', () => {
    const { testsuites } = parse(render(fixtureContext()));
    expect(testsuites).toMatchObject({ name: 'segur', tests: '5', failures: '2', errors: '0', skipped: '1' });
    const suite = testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'REM-TEST', tests: '5', failures: '2', errors: '0', skipped: '1' });
    expect(suite.testcase.map((testCase) => [testCase.classname, testCase.name])).toEqual([
      ['Gestion de l’INS', 'INS/va1.01 — Appel au téléservice INSi'],
      ['Gestion de l’INS', 'INS/va1.02 — Qualification de l’identité'],
      ['Alimentation du DMP', 'DMP/va1.01 — Envoi d’un document au DMP'],
      ['Gestion et partage des documents', 'ERGO/va1.05 — Aperçu avant envoi'],
      ['segur', 'Constats hors exigence (1)'],
    ]);
  });

  it('follows the JUnit XML structure, with counts that match its testcases', () => {
    const parsed = junitSchema.parse(parser.parse(render(fixtureContext())));
    const cases = parsed.testsuites.testsuite.testcase;
    expect(Number(parsed.testsuites.tests)).toBe(cases.length);
    expect(Number(parsed.testsuites.failures)).toBe(cases.filter((testCase) => testCase.failure).length);
    expect(Number(parsed.testsuites.skipped)).toBe(cases.filter((testCase) => testCase.skipped).length);
  });

  it('fails non-conforme and incomplet requirements with their findings, skips non-applicable ones', () => {
    const [conforme, nonConforme, incomplet, nonApplicable, general] = parse(render(fixtureContext())).testsuites.testsuite.testcase;
    expect(conforme!.failure).toBeUndefined();
    expect(nonConforme!.failure).toEqual({
      type: 'non-conforme',
      message: 'Non conforme (Exigence) : 2 constats',
      '#text':
        '[erreur] realmCode absent ou différent de « FR » — proofs/INS_va1.02.01.01/cda.xml:3 (/ClinicalDocument/realmCode) [cda/realm-code]\n' +
        '[avertissement] OID d’INS inattendu : 1.2.3 & <b> — proofs/INS_va1.02.01.01/cda.xml (/ClinicalDocument/recordTarget) [ins/oid]',
    });
    expect(incomplet!.failure).toMatchObject({ type: 'incomplet', message: 'Incomplet (Exigence) : 1 constat' });
    expect(nonApplicable!.skipped).toEqual({ message: 'Déclarée non applicable' });
    expect(nonApplicable!.failure).toBeUndefined();
    expect(general!.failure).toBeUndefined();
    expect(general!['system-out']).toBe('[avertissement] Fichier non rattaché à une preuve : notes,v2.txt — notes,v2.txt [bundle/unlisted-file]');
  });

  it('under --strict, fails an EXIGENCE holding a warning and the findings outside requirements holding one', () => {
    const warning = { rule: 'x/w', severity: 'warning' as const, message: 'attention', requirement: 'INS/va1.01' };
    const report = {
      ...fixtureReport,
      verdict: 'fail' as const,
      requirements: fixtureReport.requirements.map((result) => (result.id === 'INS/va1.01' ? { ...result, findings: [warning] } : result)),
    };
    const cases = parse(render(fixtureContext({ report, strict: true }))).testsuites.testsuite.testcase;
    expect(cases.map((testCase) => testCase.failure?.type)).toEqual(['conforme', 'non-conforme', 'incomplet', undefined, 'bundle']);
  });

  it('gives a failed gate no requirement shows (--max-warnings) a testcase of its own: failures ≥ 1 whenever the exit code is 1', () => {
    const report = {
      ...fixtureReport,
      verdict: 'fail' as const,
      requirements: fixtureReport.requirements.map((result) => ({ ...result, verdict: 'conforme' as const, findings: [] })),
    };
    const { testsuites } = parse(render(fixtureContext({ report, maxWarnings: 0, gatingWarnings: 1 })));
    expect(testsuites.failures).toBe('1');
    expect(testsuites.testsuite.testcase.at(-1)).toMatchObject({
      classname: 'segur',
      name: 'Contrôle',
      failure: { type: 'gate', message: 'Contrôle échoué : 1 avertissement, au-delà de --max-warnings 0' },
    });
    // A passing gate never gets it.
    expect(parse(render(fixtureContext({ report: { ...report, verdict: 'pass' } }))).testsuites.failures).toBe('0');
  });

  it('stays well-formed with markup and XML-invalid characters in the inputs', () => {
    const hostile = { ...fixtureReport.findings[1]!, message: 'bad \u0000\u0008 char ]]> </failure><x a="', requirement: 'INS/va1.02' };
    const report = {
      ...fixtureReport,
      requirements: fixtureReport.requirements.map((result) => (result.id === 'INS/va1.02' ? { ...result, findings: [hostile] } : result)),
    };
    const xml = render(fixtureContext({ report }));
    expect(xml).toContain('bad \\x00\\x08 char ]]&gt; &lt;/failure&gt;&lt;x a=&quot; —');
    const failure = parse(xml).testsuites.testsuite.testcase[1]!.failure;
    expect(failure['#text']).toContain('bad \\x00\\x08 char ]]> </failure><x a=" — proofs/');
  });
});
