// Issue 12 acceptance through the built CLI: an EVS report about another document than the
// requirement's CDA makes that requirement non-conforme, the mismatch explained; a report about the
// deposited document passes (its validator named); an MSSanté message is the proof of MSS/va1.01, and
// one without the document the proof expects fails it.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/model.js';
import { copyFixtureBundle, removeDir, tempDir } from './helpers.js';

function checkJson(bundle: string) {
  const run = runCli(['check', `fixtures/bundles/${bundle}`, '--format', 'json']);
  return { run, report: JSON.parse(run.stdout) as Report };
}

const verdicts = (report: Report) => Object.fromEntries(report.requirements.map((requirement) => [requirement.id, requirement.verdict]));
const OK = {
  'INS/va1.01': 'conforme',
  'INS/va1.02': 'conforme',
  'DMP/va1.01': 'conforme',
  'MSS/va1.01': 'conforme',
  'ERGO/va1.05': 'conforme',
  'SC.SSI/IE.58': 'conforme',
};
const VALIDATOR = 'Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION), version 3.4.1';

describe('segur check: EVS reports tied to the document they prove', () => {
  it('a report embedding the deposited CDA passes, and says which document it validated', () => {
    const { run, report } = checkJson('evs-same-document');
    expect(run.status).toBe(0);
    expect(verdicts(report)).toEqual(OK);
    expect(report.findings.filter((finding) => finding.rule.startsWith('evs/'))).toEqual([
      {
        rule: 'evs/document-matched',
        severity: 'info',
        message: `Rapport EVS du validateur ${VALIDATOR} : il porte sur proofs/DMP_va1.01.01.01/compte-rendu-dmp.xml (même SHA-256).`,
        requirement: 'DMP/va1.01',
        proof: 'DMP/va1.01.01.02',
        file: 'proofs/DMP_va1.01.01.02/rapport-evs.xml',
      },
    ]);
  });

  it('a PASSED report about another document makes the requirement non-conforme, the mismatch explained', () => {
    const { run, report } = checkJson('evs-other-document');
    expect(run.status).toBe(1);
    expect(verdicts(report)).toEqual({ ...OK, 'DMP/va1.01': 'non-conforme' });
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([
      {
        rule: 'evs/other-document',
        severity: 'error',
        message:
          `Le rapport EVS du validateur ${VALIDATOR} porte sur un autre document : id du document validé « 1.2.250.1.999.7.3.20240115.2 », ` +
          'aucun document CDA de l’exigence ne l’a (trouvé : 1.2.250.1.999.7.3.20240115.1 (proofs/DMP_va1.01.01.01/compte-rendu-dmp.xml)).',
        requirement: 'DMP/va1.01',
        proof: 'DMP/va1.01.01.02',
        file: 'proofs/DMP_va1.01.01.02/rapport-evs.xml',
      },
    ]);
  });
});

describe('segur check: MSSanté messages as proofs', () => {
  it('a message carrying its IHE_XDM.ZIP, X-MSS-NIL equal to software.nil, proves MSS/va1.01', () => {
    const { run, report } = checkJson('mss-message');
    expect(run.status).toBe(0);
    expect(verdicts(report)).toEqual({ ...OK, 'DMP/va1.01': 'non-applicable' });
    expect(report.findings.filter((finding) => finding.file?.endsWith('.eml'))).toEqual([]);
  });

  it('a message without the document its proof expects makes MSS/va1.01 non-conforme', () => {
    const { run, report } = checkJson('mss-message-no-attachment');
    expect(run.status).toBe(1);
    expect(verdicts(report)).toEqual({ ...OK, 'DMP/va1.01': 'non-applicable', 'MSS/va1.01': 'non-conforme' });
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([
      {
        rule: 'eml/no-attachment',
        severity: 'error',
        message: 'La preuve attend un document, mais ce message n’a aucune pièce jointe.',
        requirement: 'MSS/va1.01',
        proof: 'MSS/va1.01.01.01',
        file: 'proofs/MSS_va1.01.01.01/message-envoye.eml',
      },
    ]);
  });
});

describe('segur check: an EVS report about the same XML document saved another way', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  const CDA_PATH = 'proofs/DMP_va1.01.01.01/compte-rendu-dmp.xml';

  /** evs-same-document with its CDA rewritten by `rewrite` (the report still embeds the original bytes). */
  function checkRewritten(rewrite: (text: string) => Buffer) {
    const root = tempDir('segur-evs-');
    dirs.push(root);
    const bundle = copyFixtureBundle('evs-same-document', root);
    const file = join(bundle, CDA_PATH);
    writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
    const run = runCli(['check', bundle, '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    return { run, report, evs: report.findings.filter((finding) => finding.rule.startsWith('evs/')).map((finding) => [finding.rule, finding.severity]) };
  }

  it.each<[string, (text: string) => Buffer]>([
    ['CRLF line endings (git autocrlf, Windows editors)', (text) => Buffer.from(text.replaceAll('\n', '\r\n'), 'utf8')],
    ['a UTF-8 byte order mark', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with a BOM (PowerShell Out-File)', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').replaceAll('\n', '\r\n'), 'utf16le')])],
  ])('%s: the same document, not a changed one', (_name, rewrite) => {
    const { run, report, evs } = checkRewritten(rewrite);
    expect(run.status, run.stdout).toBe(0);
    expect(verdicts(report)).toEqual(OK);
    expect(evs).toEqual([['evs/document-matched-text', 'info']]);
  });

  it('a document whose content changed after validation is still refused', () => {
    const { run, report, evs } = checkRewritten((text) => Buffer.from(text.replace('Compte rendu', 'Compte-rendu'), 'utf8'));
    expect(run.status).toBe(1);
    expect(verdicts(report)).toEqual({ ...OK, 'DMP/va1.01': 'non-conforme' });
    expect(evs).toEqual([['evs/document-changed', 'error']]);
  });
});

describe('segur check: the CDA inside a message joins the bundle’s identity checks', () => {
  it('an INSi response with other traits for the INS of the message’s document is in conflict with it', () => {
    const root = tempDir('segur-eml-identity-');
    try {
      const bundle = copyFixtureBundle('mss-message', root);
      const insi = join(bundle, 'proofs/INS_va1.01.01.02/reponse-insi.xml');
      writeFileSync(insi, readFileSync(insi, 'utf8').replace('<NomNaissance>MARTINEAU-ESSAI<', '<NomNaissance>DURAND<'));
      const run = runCli(['check', bundle, '--format', 'json']);
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      const conflicts = report.findings.filter((finding) => finding.rule === 'ins/identity-conflict');
      expect(conflicts.map((finding) => [finding.requirement, finding.file])).toEqual([['INS/va1.01', 'proofs/INS_va1.01.01.02/reponse-insi.xml']]);
      expect(conflicts[0]!.message).toContain('= MARTINEAU-ESSAI (proofs/INS_va1.02.01.01/compte-rendu.xml, proofs/MSS_va1.01.01.01/message-envoye.eml) ≠ DURAND (proofs/INS_va1.01.01.02/reponse-insi.xml)');
    } finally {
      removeDir(root);
    }
  });
});

describe('segur check: an MSSanté message re-saved by a text editor', () => {
  it('is still read as the message (a warning says it was re-saved), not refused as "not a message"', () => {
    const root = tempDir('segur-eml-bom-');
    try {
      const bundle = copyFixtureBundle('mss-message', root);
      const message = join(bundle, 'proofs/MSS_va1.01.01.01/message-envoye.eml');
      writeFileSync(message, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(message, 'latin1'), 'utf16le')]));
      const run = runCli(['check', bundle, '--format', 'json']);
      expect(run.status, run.stdout).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(verdicts(report)).toEqual({ ...OK, 'DMP/va1.01': 'non-applicable' });
      expect(report.findings.filter((finding) => finding.severity !== 'info').map((finding) => [finding.rule, finding.severity, finding.file])).toEqual([
        ['eml/saved-as-text', 'warning', 'proofs/MSS_va1.01.01.01/message-envoye.eml'],
      ]);
    } finally {
      removeDir(root);
    }
  });
});
