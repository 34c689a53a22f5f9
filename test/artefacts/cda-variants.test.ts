// More accept/reject cases per rule, as edits of the valid level-1 fixture: what the rules must
// let through (UUID ids, null-flavoured telecoms, software authors, truncated timestamps,
// Corsican INS…) as much as what they must flag.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCdaFile } from '../helpers/artefact-files.js';
import { insKey } from '../../src/artefacts/ins/ins-number.js';

const valid = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'segur-variants-'));
let counter = 0;

function findingsAfter(edits: [string, string][]): string[] {
  let text = valid;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
    text = text.replace(from, to);
  }
  const path = join(dir, `variant-${counter++}.xml`);
  writeFileSync(path, text);
  return validateCdaFile(path).findings.map((finding) => `${finding.severity} ${finding.rule}`);
}

const DOCUMENT_ID = '<id root="1.2.250.1.999.7.3.20240115.1"/>';
const EFFECTIVE_TIME = '<effectiveTime value="20240115103000+0100"/>';
const PATIENT_TELECOM = '<telecom value="tel:0400000000" use="H"/>';
const AUTHOR_PERSON = `<assignedPerson>
        <name>
          <given>Paul</given>
          <family>ESSAI</family>
        </name>
      </assignedPerson>
    </assignedAuthor>`;
const CORSICAN_BODY = '285032A004123';

describe.each<[string, [string, string][], string[]]>([
  ['a UUID document id', [[DOCUMENT_ID, '<id root="6f1c2b9e-3d4a-4b5c-9e8f-0a1b2c3d4e5f"/>']], []],
  ['a document id with an empty extension', [[DOCUMENT_ID, '<id root="1.2.3" extension=" "/>']], ['error cda/document-id']],
  ['a document id root over 128 characters', [[DOCUMENT_ID, `<id root="1.${'1.'.repeat(70)}1"/>`]], ['warning cda/document-id']],
  ['a date without time', [[EFFECTIVE_TIME, '<effectiveTime value="20240115"/>']], []],
  ['a time with fractions and zone', [[EFFECTIVE_TIME, '<effectiveTime value="20240115103000.123+0100"/>']], []],
  ['hour 25', [[EFFECTIVE_TIME, '<effectiveTime value="20240115250000"/>']], ['error cda/effective-time']],
  ['29 February of a leap year', [[EFFECTIVE_TIME, '<effectiveTime value="20240229"/>']], []],
  ['29 February of another year', [[EFFECTIVE_TIME, '<effectiveTime value="20230229"/>']], ['error cda/effective-time']],
  ['a null-flavoured telecom', [[PATIENT_TELECOM, '<telecom nullFlavor="UNK"/>']], []],
  ['a telecom with both value and nullFlavor', [[PATIENT_TELECOM, '<telecom value="tel:01" nullFlavor="UNK"/>']], ['error cda/addr-telecom']],
  ['an unknown telecom use', [[PATIENT_TELECOM, '<telecom value="tel:01" use="XX"/>']], ['error cda/addr-telecom']],
  ['an unknown address use', [['<addr use="H">', '<addr use="HOME">']], ['error cda/addr-telecom']],
  [
    'a software author',
    [[AUTHOR_PERSON, '<assignedAuthoringDevice><manufacturerModelName>Essai</manufacturerModelName><softwareName>LogicielEssai</softwareName></assignedAuthoringDevice>\n    </assignedAuthor>']],
    [],
  ],
  [
    'a software author without its name',
    [[AUTHOR_PERSON, '<assignedAuthoringDevice><manufacturerModelName>Essai</manufacturerModelName></assignedAuthoringDevice>\n    </assignedAuthor>']],
    ['error cda/author'],
  ],
  ['an author organisation id without extension', [['<id root="1.2.250.1.71.4.2.1" extension="899700000017"/>\n      <code', '<id root="1.2.250.1.71.4.2.2"/>\n      <code']], ['error cda/author']],
  ['a CI-SIS document type', [['code="11488-4" codeSystem="2.16.840.1.113883.6.1"', 'code="CERT_DECL" codeSystem="1.2.250.1.213.1.1.4.12"']], []],
  ['a CI-SIS code under the LOINC system', [['code="11488-4" codeSystem="2.16.840.1.113883.6.1"', 'code="CERT_DECL" codeSystem="2.16.840.1.113883.6.1"']], ['error cda/document-code']],
  ['a patient-produced document custodian', [['<id root="1.2.250.1.71.4.2.2" extension="1999000017"/>\n        <name>', '<id root="1.2.250.1.213.4.1" extension="1"/>\n        <name>']], []],
  ['an EXTERNE encounter', [['<code code="AMB" codeSystem="2.16.840.1.113883.5.4"', '<code code="EXTERNE" codeSystem="1.2.250.1.213.1.1.4.2.291"']], []],
  ['a null-flavoured serviceEvent code', [['<code code="GLQP012" codeSystem="1.2.250.1.213.2.5" displayName="Acte d’essai"/>', '<code nullFlavor="UNK"/>']], []],
  ['a serviceEvent code without system', [['<code code="GLQP012" codeSystem="1.2.250.1.213.2.5"', '<code code="GLQP012"']], ['error cda/service-event']],
  ['two prefixes in the patient name', [['<family qualifier="BR">', '<prefix>MME</prefix><prefix>DR</prefix><family qualifier="BR">']], ['error cda/patient-name']],
  ['a replaced-document relation', [['<component>', '<relatedDocument typeCode="RPLC"><parentDocument><id root="1.2.3"/></parentDocument></relatedDocument>\n  <component>']], []],
  ['two relatedDocument RPLC', [['<component>', '<relatedDocument typeCode="RPLC"/><relatedDocument typeCode="RPLC"/>\n  <component>']], ['error cda/header-cardinality']],
  ['classCode DOCCLIN and moodCode EVN', [['<ClinicalDocument xmlns=', '<ClinicalDocument classCode="DOCCLIN" moodCode="EVN" xmlns=']], []],
  ['a level-3 template on a level-1 document', [['<templateId root="1.3.6.1.4.1.19376.1.2.20"/>', '<templateId root="1.3.6.1.4.1.19376.1.2.20"/><templateId root="1.2.250.1.213.1.1.1.999"/>']], ['error cda/level1-body']],
  ['a template root that is neither OID nor UUID', [['<templateId root="1.3.6.1.4.1.19376.1.2.20"/>', '<templateId root="1.3.6.1.4.1.19376.1.2.20"/><templateId root="volet-x"/>']], ['error cda/level1-body', 'error cda/template-ids']],
  [
    'a Corsican INS (2A) with its COG birthplace',
    [
      ['285036912304579', CORSICAN_BODY + insKey(CORSICAN_BODY)],
      ['<county>69123</county>', '<county>2A004</county>'],
    ],
    [],
  ],
  ['an INS OID without a value', [['extension="285036912304579"', '']], ['error ins/format']],
  ['an INS id with a nullFlavor', [['<id root="1.2.250.1.213.1.4.10" extension="285036912304579"/>', '<id root="1.2.250.1.213.1.4.10" nullFlavor="UNK"/>']], []],
  ['a birth year only', [['<birthTime value="19850314"/>', '<birthTime value="1985"/>']], []],
])('%s', (_name, edits, expected) => {
  it(`gives ${expected.length ? expected.join(', ') : 'no finding'}`, () => {
    expect(findingsAfter(edits).sort()).toEqual([...expected].sort());
  });
});
