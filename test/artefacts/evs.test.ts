// Gazelle EVS reports, current and legacy format: exact findings per result, the validated document
// exposed for the engine, and unreadable or unknown reports as errors.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEvsFile } from '../helpers/artefact-files.js';
import { formatMessage } from '../../src/messages/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/evs/${name}`, import.meta.url));
const CURRENT_VALIDATOR = 'Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION)';
const LEGACY_VALIDATOR = 'Gazelle CDA Validation : CI-SIS';
const TITLE_CONSTRAINT = { rule: 'evs/failed-constraint', severity: 'info', args: { description: 'Le titre du document doit être renseigné.' }, location: '/ClinicalDocument/title' };

const tempFile = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'segur-evs-')), name);
  writeFileSync(path, text);
  return path;
};

describe('EVS report results', () => {
  it.each([
    ['passed.xml', []],
    ['legacy-passed.xml', []],
    ['failed.xml', [{ rule: 'evs/failed', severity: 'error', args: { validator: CURRENT_VALIDATOR, version: '∅', errors: 1 } }, TITLE_CONSTRAINT]],
    ['legacy-failed.xml', [{ rule: 'evs/failed', severity: 'error', args: { validator: LEGACY_VALIDATOR, version: '∅', errors: 1 } }, TITLE_CONSTRAINT]],
    ['undefined.xml', [{ rule: 'evs/undefined', severity: 'warning', args: { validator: CURRENT_VALIDATOR, version: '∅', result: 'UNDEFINED' } }]],
    ['no-result.xml', [{ rule: 'evs/unknown-result', severity: 'error', args: { result: '∅' } }]],
    ['unknown-format.xml', [{ rule: 'evs/unknown-format', severity: 'error', args: { root: 'rapport' }, location: '/rapport' }]],
  ])('%s', (name, findings) => {
    expect(validateEvsFile(fixture(name)).findings).toEqual(findings);
  });

  it('words a FAILED report with the validator and its error count', () => {
    const failed = validateEvsFile(fixture('failed.xml')).findings[0]!;
    expect(formatMessage(failed.rule, failed.args)).toBe(
      'Le rapport EVS du validateur Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION), version ∅ est en échec (FAILED) : 1 erreur(s).',
    );
  });

  it.each([
    ['FAILED', 'Le rapport EVS du validateur Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION), version 3.4.1 est en échec (FAILED) : 1 erreur(s).'],
    ['UNDEFINED', 'Le rapport EVS du validateur Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION), version 3.4.1 ne conclut pas (UNDEFINED) : validation à refaire.'],
  ])('names the validator’s version a %s report states', (result, message) => {
    const path = tempFile(
      `version-${result}.xml`,
      readFileSync(fixture('failed.xml'), 'utf8').replace('result="FAILED"', `result="${result}"`).replace('validatorID=', 'validationServiceVersion="3.4.1" validatorID='),
    );
    const finding = validateEvsFile(path).findings[0]!;
    expect(formatMessage(finding.rule, finding.args)).toBe(message);
  });

  it('exposes the validated file name, and an embedded ClinicalDocument id', () => {
    expect(validateEvsFile(fixture('passed.xml')).validatedDocument).toEqual({ fileName: 'compte-rendu.xml' });
    expect(validateEvsFile(fixture('legacy-passed.xml')).validatedDocument).toBeUndefined();
    const embedded = tempFile(
      'embedded.xml',
      `<validationReport xmlns="http://validationreport.gazelle.ihe.net/" result="PASSED"><validationOverview validationServiceName="CDA"/>
<validatedObject><ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.250.1.999" extension="42"/></ClinicalDocument></validatedObject></validationReport>`,
    );
    expect(validateEvsFile(embedded)).toEqual({
      findings: [],
      identities: [],
      validatedDocument: { documentId: '1.2.250.1.999^42' },
      evsReport: { result: 'PASSED', validator: 'CDA' },
    });
  });

  it('lists at most 20 failed constraints, then counts the rest', () => {
    const constraint = (n: number) =>
      `<constraint severity="ERROR" testResult="FAILED"><constraintDescription>Contrainte ${n}</constraintDescription></constraint>`;
    const path = tempFile(
      'many.xml',
      `<validationReport xmlns="http://validationreport.gazelle.ihe.net/" result="FAILED"><validationOverview><validationServiceName>CDA</validationServiceName></validationOverview>
<subReport>${Array.from({ length: 25 }, (_, n) => constraint(n + 1)).join('')}<constraint severity="WARNING" testResult="FAILED"/></subReport></validationReport>`,
    );
    const findings = validateEvsFile(path).findings;
    expect(findings[0]).toEqual({ rule: 'evs/failed', severity: 'error', args: { validator: 'CDA', version: '∅', errors: 25 } });
    expect(findings.filter((finding) => finding.rule === 'evs/failed-constraint')).toHaveLength(20);
    expect(findings.at(-1)).toEqual({ rule: 'evs/more-failed-constraints', severity: 'info', args: { count: 5 } });
  });

  it('refuses a report with a DOCTYPE, a malformed one, and one without the Gazelle namespace', () => {
    const doctype = tempFile('doctype.xml', '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<validationReport result="PASSED">&e;</validationReport>');
    expect(validateEvsFile(doctype).findings).toEqual([{ rule: 'evs/doctype', severity: 'error', args: {}, line: 1, location: 'ligne 1' }]);
    const malformed = tempFile('malformed.xml', '<validationReport xmlns="http://validationreport.gazelle.ihe.net/" result="PASSED">\n<counters>');
    expect(validateEvsFile(malformed).findings.map((finding) => [finding.rule, finding.line])).toEqual([['evs/not-well-formed', 2]]);
    const foreign = tempFile('foreign.xml', '<validationReport xmlns="urn:autre" result="PASSED"/>');
    expect(validateEvsFile(foreign).findings.map((finding) => finding.rule)).toEqual(['evs/unknown-format']);
  });
});
