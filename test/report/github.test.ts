import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/formats/github.js';
import { fixtureContext, fixtureReport } from './fixture-context.js';

describe('github annotations', () => {
  it('prints one workflow command per error or warning, paths joined to the bundle folder', () => {
    expect(render(fixtureContext())).toBe(
      [
        '::warning file=evidence/notes%2Cv2.txt,title=bundle/unlisted-file::Fichier non rattaché à une preuve : notes,v2.txt',
        '::error file=evidence/proofs/INS_va1.02.01.01/cda.xml,line=3,title=INS/va1.02 · cda/realm-code::realmCode absent ou différent de « FR » (/ClinicalDocument/realmCode)',
        '::warning file=evidence/proofs/INS_va1.02.01.01/cda.xml,title=INS/va1.02 · ins/oid::OID d’INS inattendu : 1.2.3 & <b> (/ClinicalDocument/recordTarget)',
        '::error title=DMP/va1.01 · coverage/missing-proof::Preuve DMP/va1.01.01.02 : aucun fichier',
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line or percent message on one command line, leaves info findings out', () => {
    const findings = [
      { rule: 'x/y', severity: 'error' as const, message: '50% faux\nseconde ligne\r\n::error::injecté', file: 'a:b.xml', line: 2, column: 7 },
      { rule: 'x/info', severity: 'info' as const, message: 'pour information' },
    ];
    const output = render(fixtureContext({ bundleRoot: '.', report: { ...fixtureReport, findings } }));
    expect(output).toBe('::error file=a%3Ab.xml,line=2,col=7,title=x/y::50%25 faux%0Aseconde ligne%0D%0A::error::injecté\n');
  });

  it('past the cap, the log lines (read, not resolved) mask an INS/NIR-shaped folder name; the annotations keep the real path', () => {
    const findings = Array.from({ length: 11 }, (_, index) => ({ rule: 'x/y', severity: 'error' as const, message: `constat ${index}`, file: 'a.xml', line: index + 1 }));
    const lines = render(fixtureContext({ bundleRoot: 'preuves/279035121518989', report: { ...fixtureReport, findings } })).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=preuves/279035121518989/a.xml,line=1,title=x/y::constat 0');
    expect(lines[11]).toBe('preuves/27903••••••••89/a.xml:11: [erreur] constat 10 [x/y]');
    const revealed = render(fixtureContext({ bundleRoot: 'preuves/279035121518989', revealIdentifiers: true, report: { ...fixtureReport, findings } })).trimEnd().split('\n');
    expect(revealed[11]).toBe('preuves/279035121518989/a.xml:11: [erreur] constat 10 [x/y]');
  });

  it('prints nothing when there is nothing to annotate', () => {
    expect(render(fixtureContext({ report: { ...fixtureReport, findings: [] } }))).toBe('');
  });
});
