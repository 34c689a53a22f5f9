// The real ANS material (../shared/corpus/cda): our verdicts against the published expectations.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCdaFile } from '../helpers/artefact-files.js';
import { corpusPath, corpusSkipReason, hasCorpus } from '../helpers/corpus.js';

interface Expected {
  ins: { oid: string; value: string; key_valid: boolean }[];
  structmin_failed_asserts: { location: string; text: string }[];
}

/** Mutant file → the rule its name describes. */
const MUTANT_RULES: Record<string, string> = {
  '01_no_realmCode.xml': 'cda/realm-code',
  '02_bad_typeId.xml': 'cda/type-id',
  '03_N1_missing_xdssd_tpl.xml': 'cda/level1-body',
  '04_effTime_iso8601.xml': 'cda/effective-time',
  '05_bad_confidentiality.xml': 'cda/confidentiality-code',
  '06_lang_fr.xml': 'cda/language-code',
  '07_no_versionNumber.xml': 'cda/set-id-version',
  '08_INS_no_birthplace.xml': 'cda/ins-traits',
  '09_INS_no_BR_given.xml': 'cda/ins-traits',
  '10_family_qualifier_SP.xml': 'cda/patient-name',
  '11_gender_FEMALE.xml': 'cda/patient-demographics',
  '12_no_legalAuth.xml': 'cda/legal-authenticator',
  '13_custodian_bad_root.xml': 'cda/custodian',
  '14_no_serviceEvent_performer.xml': 'cda/service-event',
  '15_no_componentOf.xml': 'cda/encompassing-encounter',
  '16_doc_code_not_in_J07.xml': 'cda/document-code',
  '17_INS_key_wrong_only.xml': 'ins/key',
  '18_author_no_time.xml': 'cda/author',
  '19_telecom_bad.xml': 'cda/addr-telecom',
  '21_birthTime_bad.xml': 'cda/patient-demographics',
  '22_two_recordTarget.xml': 'cda/record-target',
};

const errorRules = (path: string) =>
  validateCdaFile(path)
    .findings.filter((finding) => finding.severity === 'error')
    .map((finding) => finding.rule);

describe.skipIf(!hasCorpus)(`ANS corpus (${hasCorpus ? 'present' : corpusSkipReason})`, () => {
  it('on the 94 ANS examples, errors on exactly the files the expectations call for', () => {
    const expected = JSON.parse(readFileSync(corpusPath('cda/ans-examples.expected.json'), 'utf8')) as Record<string, Expected>;
    const files = readdirSync(corpusPath('cda/ans-examples')).filter((name) => name.endsWith('.xml')).sort();
    expect(files).toHaveLength(94);
    const flagged: Record<string, string[]> = {};
    for (const name of files) {
      const errors = errorRules(corpusPath(`cda/ans-examples/${name}`));
      if (errors.length > 0) flagged[name] = errors;
    }
    const wanted: Record<string, string[]> = {};
    for (const [name, facts] of Object.entries(expected)) {
      const rules = [
        ...facts.ins.filter((ins) => !ins.key_valid).map(() => 'ins/key'),
        ...facts.structmin_failed_asserts.map(() => 'cda/patient-name'),
      ];
      if (rules.length > 0) wanted[name] = rules;
    }
    expect(Object.keys(wanted)).toHaveLength(11);
    expect(flagged).toEqual(wanted);
  });

  it('on the mutants, every defect is an error of the rule its name describes; the base has none', () => {
    const files = readdirSync(corpusPath('cda/mutants')).filter((name) => name.endsWith('.xml')).sort();
    expect(files).toHaveLength(22);
    for (const name of files) {
      const errors = errorRules(corpusPath(`cda/mutants/${name}`));
      if (name === '00_base_N1.xml') expect(errors, name).toEqual([]);
      else expect(errors, name).toContain(MUTANT_RULES[name]);
    }
  });
});

describe('hostile documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segur-hostile-'));

  it('rejects a billion-laughs document in under a second without expanding it', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const path = join(dir, 'laughs.xml');
    writeFileSync(path, `<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY lol0 "lol">${levels}]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol9;</title></ClinicalDocument>`);
    const started = performance.now();
    const result = validateCdaFile(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.findings).toEqual([{ rule: 'cda/doctype', severity: 'error', args: {}, line: 2, location: 'ligne 2' }]);
  });

  it('rejects an external entity without reading the file it names', () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'SECRET-CONTENT');
    const path = join(dir, 'xxe.xml');
    writeFileSync(path, `<!DOCTYPE ClinicalDocument [<!ENTITY s SYSTEM "file://${secret}">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&s;</title></ClinicalDocument>`);
    const result = validateCdaFile(path);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['cda/doctype']);
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('refuses an undeclared entity as not well-formed', () => {
    const path = join(dir, 'entity.xml');
    writeFileSync(path, '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&nbsp;</title></ClinicalDocument>');
    expect(validateCdaFile(path).findings.map((finding) => finding.rule)).toEqual(['cda/not-well-formed']);
  });
});
