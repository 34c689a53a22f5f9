// Table tests of the message rules (src/artefacts/eml/rules/): each rule module against messages
// that pass and messages that fail it, with the exact findings. Messages are the committed fixtures
// with a header edited, or small inline messages (test/helpers/eml.ts).
import { describe, expect, it } from 'vitest';
import type { ArtefactFinding } from '../../src/artefacts/types.js';
import type { EmlRule } from '../../src/artefacts/eml/rules/rule.js';
import { EML_RULES } from '../../src/artefacts/eml/rules/index.js';
import { missingHeaderRule } from '../../src/artefacts/eml/rules/missing-header.js';
import { missingRecommendedHeaderRule } from '../../src/artefacts/eml/rules/missing-recommended-header.js';
import { duplicateHeaderRule } from '../../src/artefacts/eml/rules/duplicate-header.js';
import { dateFormatRule } from '../../src/artefacts/eml/rules/date-format.js';
import { addressFormatRule } from '../../src/artefacts/eml/rules/address-format.js';
import { messageIdFormatRule } from '../../src/artefacts/eml/rules/message-id-format.js';
import { headerEncodingRule } from '../../src/artefacts/eml/rules/header-encoding.js';
import { headerCharsetRule } from '../../src/artefacts/eml/rules/header-charset.js';
import { transferEncodingRule } from '../../src/artefacts/eml/rules/transfer-encoding.js';
import { textInvalidBytesRule } from '../../src/artefacts/eml/rules/text-invalid-bytes.js';
import { textNotUtf8Rule } from '../../src/artefacts/eml/rules/text-not-utf8.js';
import { textUnknownCharsetRule } from '../../src/artefacts/eml/rules/text-unknown-charset.js';
import { xdmAttachmentNameRule } from '../../src/artefacts/eml/rules/xdm-attachment-name.js';
import { attachmentContentTypeRule } from '../../src/artefacts/eml/rules/attachment-content-type.js';
import { xMssCodeCdaRule } from '../../src/artefacts/eml/rules/x-mss-codecda.js';
import { xMssCodeCdaMissingRule } from '../../src/artefacts/eml/rules/x-mss-codecda-missing.js';
import { xMssCodeCdaUnexpectedRule } from '../../src/artefacts/eml/rules/x-mss-codecda-unexpected.js';
import { xMssInsRule } from '../../src/artefacts/eml/rules/x-mss-ins.js';
import { xMssInsMissingRule } from '../../src/artefacts/eml/rules/x-mss-ins-missing.js';
import { xMssInsUnexpectedRule } from '../../src/artefacts/eml/rules/x-mss-ins-unexpected.js';
import { xMssNilMissingRule } from '../../src/artefacts/eml/rules/x-mss-nil-missing.js';
import { xMssMesRule } from '../../src/artefacts/eml/rules/x-mss-mes.js';
import { xMssMesNoPatientRule } from '../../src/artefacts/eml/rules/x-mss-mes-no-patient.js';
import { patientAddressRule } from '../../src/artefacts/eml/rules/patient-address.js';
import { patientAddressInsRule } from '../../src/artefacts/eml/rules/patient-address-ins.js';
import { intendedRecipientRule } from '../../src/artefacts/eml/rules/intended-recipient.js';
import { catalogs } from '../../src/messages/index.js';
import { EML_STRUCTURE_CODES } from '../../src/artefacts/eml/validator.js';
import { MESSAGE_PROOF_CODES } from '../../src/engine/message-proof.js';
import { editedFixture, factsOf, mail, patient, professional, textOnly } from '../helpers/eml.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A message carrying an IHE_XDM.ZIP whose METADATA.XML is edited (its CDA is valid-n1.xml). */
function withMetadata(edit: (metadata: string) => string, headers: string[]): Buffer {
  const document = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)));
  const entries = xdmEntries(document).map((entry) => (entry.name.endsWith('METADATA.XML') ? { ...entry, data: Buffer.from(edit(entry.data.toString('latin1')), 'latin1') } : entry));
  const zip = writeZip(entries).toString('base64').replace(/.{76}(?=.)/g, '$&\r\n');
  return mail(
    [...headers, 'Content-Type: multipart/mixed; boundary=b'],
    `--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour\r\n--b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=IHE_XDM.ZIP\r\nContent-Transfer-Encoding: base64\r\n\r\n${zip}\r\n--b--\r\n`,
  );
}
const otherNamespace = (metadata: string) => metadata.replaceAll('urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0', 'urn:autre').replaceAll('urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0', 'urn:autre:rim');
const noEntry = (metadata: string) => metadata.replace(/<rim:ExtrinsicObject[\s\S]*<\/rim:ExtrinsicObject>/, '');

type Case = [name: string, message: () => Buffer, expected: ArtefactFinding[]];

const at = (rule: EmlRule, args: ArtefactFinding['args'], location?: string): ArtefactFinding => ({
  rule: rule.code,
  severity: rule.severity,
  args,
  ...(location !== undefined ? { location } : {}),
});

const PATIENT_INS = '285036912304579';
const OTHER_INS = '279035121518989';
const valid: Case[] = [
  ['valid-professional.eml', () => professional(), []],
  ['valid-patient.eml', () => patient(), []],
  ['valid-text-only.eml', () => textOnly(), []],
];

const TABLE: Array<[EmlRule, Case[]]> = [
  [
    missingHeaderRule,
    [
      ...valid,
      ['without Date', () => professional({}, ['Date']), [at(missingHeaderRule, { header: 'Date' }, 'Date')]],
      ['without From', () => professional({}, ['From']), [at(missingHeaderRule, { header: 'From' }, 'From')]],
      ['Cc instead of To', () => professional({ Cc: 'claire.destinataire@cabinet-essai.mssante.fr' }, ['To']), []],
      ['no recipient', () => professional({}, ['To']), [at(missingHeaderRule, { header: 'To' }, 'To')]],
    ],
  ],
  [
    missingRecommendedHeaderRule,
    [
      ...valid,
      ['without Message-ID nor Subject', () => professional({}, ['Message-ID', 'Subject']), [at(missingRecommendedHeaderRule, { header: 'Message-ID' }, 'Message-ID'), at(missingRecommendedHeaderRule, { header: 'Subject' }, 'Subject')]],
    ],
  ],
  [
    duplicateHeaderRule,
    [
      ...valid,
      ['two Subject', () => editedFixture('valid-professional.eml', { add: [['Subject', 'Autre objet']] }), [at(duplicateHeaderRule, { header: 'Subject', count: 2 }, 'Subject')]],
      ['two Received (allowed)', () => editedFixture('valid-professional.eml', { add: [['Received', 'from a'], ['Received', 'from b']] }), []],
    ],
  ],
  [
    dateFormatRule,
    [
      ...valid,
      ['without day of week, obsolete zone', () => professional({ Date: '15 Jan 2024 10:35 GMT' }), []],
      ['with a comment', () => professional({ Date: 'Mon, 15 Jan 2024 10:35:00 +0100 (CET)' }), []],
      ['ISO 8601', () => professional({ Date: '2024-01-15T10:35:00+01:00' }), [at(dateFormatRule, { value: '2024-01-15T10:35:00+01:00', problem: 'syntax' }, 'Date')]],
      ['30 February', () => professional({ Date: 'Fri, 30 Feb 2024 10:35:00 +0100' }), [at(dateFormatRule, { value: 'Fri, 30 Feb 2024 10:35:00 +0100', problem: 'calendar' }, 'Date')]],
      ['wrong day of week', () => professional({ Date: 'Tue, 15 Jan 2024 10:35:00 +0100' }), [at(dateFormatRule, { value: 'Tue, 15 Jan 2024 10:35:00 +0100', problem: 'day-of-week' }, 'Date')]],
    ],
  ],
  [
    addressFormatRule,
    [
      ...valid,
      ['quoted name, comment, group', () => professional({ To: '"Destinataire, Claire" <claire@cabinet.mssante.fr> (cabinet), Équipe: a@b.fr, c@d.fr;' }), []],
      ['no domain', () => professional({ To: 'Claire <claire.destinataire@>' }), [at(addressFormatRule, { header: 'To', before: 'Claire <claire.destinataire@>', ins: '', after: '' }, 'To')]],
      ['unclosed angle', () => professional({ From: 'Paul <paul@hopital.mssante.fr' }), [at(addressFormatRule, { header: 'From', before: 'Paul <paul@hopital.mssante.fr', ins: '', after: '' }, 'From')]],
      ['empty To', () => professional({ To: '' }), [at(addressFormatRule, { header: 'To', before: '', ins: '', after: '' }, 'To')]],
      ['patient address: INS in the masked argument', () => patient({ To: `${PATIENT_INS}patient.mssante.fr` }), [at(addressFormatRule, { header: 'To', before: '', ins: PATIENT_INS, after: 'patient.mssante.fr' }, 'To')]],
    ],
  ],
  [
    messageIdFormatRule,
    [
      ...valid,
      ['domain literal', () => professional({ 'Message-ID': '<essai-1@[192.0.2.1]>' }), []],
      ['no angle brackets', () => professional({ 'Message-ID': 'essai-1@hopital.mssante.fr' }), [at(messageIdFormatRule, { value: 'essai-1@hopital.mssante.fr' }, 'Message-ID')]],
    ],
  ],
  [
    headerEncodingRule,
    [
      ...valid,
      ['raw UTF-8 subject (RFC 6532)', () => professional({ Subject: Buffer.from('Résultats') }), []],
      ['raw Latin-1 subject', () => professional({ Subject: Buffer.from('R\xe9sultats', 'latin1') }), [at(headerEncodingRule, { header: 'Subject', charset: 'UTF-8', offset: 1 }, 'Subject')]],
      ['encoded word with invalid UTF-8', () => professional({ Subject: '=?utf-8?Q?R=E9sultats?=' }), [at(headerEncodingRule, { header: 'Subject', charset: 'utf-8', offset: 1 }, 'Subject')]],
      ['encoded display name', () => professional({ To: '=?iso-8859-1?Q?Cl=E9mence?= <c@cabinet.mssante.fr>' }), []],
      [
        'filename parameter (RFC 2231) with invalid UTF-8',
        () => mail(['Content-Type: application/pdf', "Content-Disposition: attachment; filename*=utf-8''r%E9sultat.pdf", 'Content-Transfer-Encoding: base64'], 'JVBERi0xLjQK\r\n'),
        [at(headerEncodingRule, { header: 'Content-Disposition', charset: 'utf-8', offset: 1 }, 'partie 1 Content-Disposition')],
      ],
    ],
  ],
  [
    headerCharsetRule,
    [
      ...valid,
      ['KOI8-R subject', () => professional({ Subject: '=?koi8-r?B?7sXT1MXE?=' }), [at(headerCharsetRule, { header: 'Subject', charset: 'koi8-r' }, 'Subject')]],
    ],
  ],
  [
    transferEncodingRule,
    [
      ...valid,
      ['x-uuencode', () => mail(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: x-uuencode']), [at(transferEncodingRule, { part: '1', encoding: 'x-uuencode', problem: 'unknown-encoding' }, 'partie 1')]],
      ['base64 with a stray character', () => mail(['Content-Type: application/pdf', 'Content-Transfer-Encoding: base64'], 'JVBERi0x*LjQK\r\n'), [at(transferEncodingRule, { part: '1', encoding: 'base64', problem: 'invalid-base64' }, 'partie 1')]],
    ],
  ],
  [
    textInvalidBytesRule,
    [
      ...valid,
      ['Latin-1 byte labelled UTF-8', () => mail(['Content-Type: text/plain; charset=utf-8'], Buffer.from('caf\xe9\r\n', 'latin1')), [at(textInvalidBytesRule, { part: '1', charset: 'UTF-8', offset: 3 }, 'partie 1')]],
      ['8-bit byte without charset (US-ASCII)', () => mail(['Content-Type: text/plain'], Buffer.from('caf\xe9\r\n', 'latin1')), [at(textInvalidBytesRule, { part: '1', charset: 'US-ASCII', offset: 3 }, 'partie 1')]],
      ['quoted-printable decoded before the check', () => mail(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'caf=C3=A9\r\n'), []],
    ],
  ],
  [
    textNotUtf8Rule,
    [
      ...valid,
      ['ASCII without charset', () => mail(['Content-Type: text/plain']), []],
      ['ISO-8859-1', () => mail(['Content-Type: text/plain; charset=ISO-8859-1'], Buffer.from('caf\xe9\r\n', 'latin1')), [at(textNotUtf8Rule, { part: '1', charset: 'ISO-8859-1' }, 'partie 1')]],
      ['a text attachment is not a body part', () => mail(['Content-Type: text/plain; charset=ISO-8859-1', 'Content-Disposition: attachment; filename=journal.txt']), []],
    ],
  ],
  [
    textUnknownCharsetRule,
    [
      ...valid,
      ['KOI8-R', () => mail(['Content-Type: text/plain; charset=koi8-r']), [at(textUnknownCharsetRule, { part: '1', charset: 'koi8-r' }, 'partie 1')]],
    ],
  ],
  [
    xdmAttachmentNameRule,
    [
      ...valid,
      ['archive named documents.zip', () => editedFixture('defects/xdm-renamed.eml'), [at(xdmAttachmentNameRule, { attachment: 'documents.zip' }, 'documents.zip')]],
    ],
  ],
  [
    attachmentContentTypeRule,
    [
      ...valid,
      ['IHE_XDM.ZIP as application/octet-stream', () => editedFixture('defects/xdm-octet-stream.eml'), [at(attachmentContentTypeRule, { attachment: 'IHE_XDM.ZIP', declared: 'application/octet-stream', format: 'ZIP IHE_XDM', expected: 'application/zip' }, 'IHE_XDM.ZIP')]],
      ['a PDF as application/octet-stream', () => mail(['Content-Type: application/octet-stream; name=cr.pdf', 'Content-Transfer-Encoding: base64'], 'JVBERi0xLjQK\r\n'), []],
      ['a PDF as image/png', () => mail(['Content-Type: image/png; name=cr.pdf', 'Content-Transfer-Encoding: base64'], 'JVBERi0xLjQK\r\n'), [at(attachmentContentTypeRule, { attachment: 'cr.pdf', declared: 'image/png', format: 'PDF', expected: 'application/pdf' }, 'cr.pdf')]],
    ],
  ],
  [
    xMssCodeCdaRule,
    [
      ...valid,
      ['comma-separated, extra spaces', () => professional({ 'X-MSS-CODECDA': ' 11488-4 , ' }), []],
      ['another code', () => professional({ 'X-MSS-CODECDA': '34133-9' }), [at(xMssCodeCdaRule, { expected: '11488-4', found: '34133-9' }, 'X-MSS-CODECDA')]],
      ['one code too many', () => professional({ 'X-MSS-CODECDA': '11488-4,34133-9' }), [at(xMssCodeCdaRule, { expected: '11488-4', found: '11488-4, 34133-9' }, 'X-MSS-CODECDA')]],
    ],
  ],
  [
    xMssCodeCdaMissingRule,
    [
      ...valid,
      ['CDA attached, no header', () => professional({}, ['X-MSS-CODECDA']), [at(xMssCodeCdaMissingRule, { codes: '11488-4' }, 'X-MSS-CODECDA')]],
    ],
  ],
  [
    xMssCodeCdaUnexpectedRule,
    [
      ...valid,
      ['no attachment, header set', () => textOnly({ 'X-MSS-CODECDA': '11488-4' }), [at(xMssCodeCdaUnexpectedRule, {}, 'X-MSS-CODECDA')]],
      ['archive metadata unreadable (other namespace): documents unknown', () => withMetadata(otherNamespace, ['X-MSS-CODECDA: 11488-4']), []],
      ['archive metadata listing no document: documents unknown', () => withMetadata(noEntry, ['X-MSS-CODECDA: 11488-4']), []],
    ],
  ],
  [
    xMssInsRule,
    [
      ...valid,
      ['N while the CDA carries a qualified INS', () => professional({ 'X-MSS-INS': 'N' }), [at(xMssInsRule, { expected: 'O', found: 'N' }, 'X-MSS-INS')]],
      ['lower case', () => professional({ 'X-MSS-INS': 'o' }), [at(xMssInsRule, { expected: 'O', found: 'o' }, 'X-MSS-INS')]],
    ],
  ],
  [
    xMssInsMissingRule,
    [
      ...valid,
      ['CDA attached, no header', () => professional({}, ['X-MSS-INS']), [at(xMssInsMissingRule, {}, 'X-MSS-INS')]],
    ],
  ],
  [
    xMssInsUnexpectedRule,
    [
      ...valid,
      ['no attachment, header set', () => textOnly({ 'X-MSS-INS': 'N' }), [at(xMssInsUnexpectedRule, {}, 'X-MSS-INS')]],
      ['archive metadata unreadable (other namespace): documents unknown', () => withMetadata(otherNamespace, ['X-MSS-INS: O']), []],
    ],
  ],
  [
    xMssNilMissingRule,
    [
      ...valid,
      ['no header', () => professional({}, ['X-MSS-NIL']), [at(xMssNilMissingRule, {}, 'X-MSS-NIL')]],
      ['empty header', () => professional({ 'X-MSS-NIL': '' }), [at(xMssNilMissingRule, {}, 'X-MSS-NIL')]],
    ],
  ],
  [
    xMssMesRule,
    [
      ...valid,
      ['lower case', () => patient({ 'X-MSS-MES': 'fin' }), [at(xMssMesRule, { found: 'fin' }, 'X-MSS-MES')]],
      ['empty', () => patient({ 'X-MSS-MES': '' }), [at(xMssMesRule, { found: '∅' }, 'X-MSS-MES')]],
    ],
  ],
  [
    xMssMesNoPatientRule,
    [
      ...valid,
      ['to a professional', () => professional({ 'X-MSS-MES': 'FIN' }), [at(xMssMesNoPatientRule, {}, 'X-MSS-MES')]],
      ['patient in Cc', () => professional({ 'X-MSS-MES': 'FIN', Cc: `${PATIENT_INS}@patient.mssante.fr` }), []],
    ],
  ],
  [
    patientAddressRule,
    [
      ...valid,
      ['wrong key', () => patient({ To: `${PATIENT_INS.slice(0, 13)}78@patient.mssante.fr` }), [at(patientAddressRule, { header: 'To', ins: `${PATIENT_INS.slice(0, 13)}78` }, 'To')]],
      ['not an INS', () => patient({ To: 'camille.martineau@patient.mssante.fr' }), [at(patientAddressRule, { header: 'To', ins: 'camille.martineau' }, 'To')]],
      ['domain in capitals', () => patient({ Cc: `${PATIENT_INS.slice(0, 13)}78@PATIENT.MSSANTE.FR` }), [at(patientAddressRule, { header: 'Cc', ins: `${PATIENT_INS.slice(0, 13)}78` }, 'Cc')]],
    ],
  ],
  [
    patientAddressInsRule,
    [
      ...valid,
      ['another patient', () => patient({ To: `${OTHER_INS}@patient.mssante.fr` }), [at(patientAddressInsRule, { header: 'To', ins: OTHER_INS, otherIns: PATIENT_INS }, 'To')]],
      ['another patient, no document', () => textOnly({ To: `${OTHER_INS}@patient.mssante.fr` }), []],
    ],
  ],
  [
    intendedRecipientRule,
    [
      ...valid,
      ['archive for someone else', () => professional({ To: 'autre@cabinet-essai.mssante.fr' }), [at(intendedRecipientRule, { attachment: 'IHE_XDM.ZIP', before: 'claire.destinataire@cabinet-essai.mssante.fr', ins: '', after: '' }, 'IHE_XDM.ZIP')]],
      ['intended recipient in Cc, address case differs', () => professional({ To: 'autre@cabinet-essai.mssante.fr', Cc: 'Claire.Destinataire@Cabinet-Essai.mssante.fr' }), []],
      ['recipients unreadable: not judged', () => professional({ To: 'autre@' }), []],
      ['patient archive: INS in the masked argument', () => patient({ To: 'autre@cabinet-essai.mssante.fr' }), [at(intendedRecipientRule, { attachment: 'IHE_XDM.ZIP', before: '', ins: PATIENT_INS, after: '@patient.mssante.fr' }, 'IHE_XDM.ZIP')]],
    ],
  ],
];

describe('message rules', () => {
  it('each registered rule has its table here, a French and English message and a description', () => {
    expect(TABLE.map(([rule]) => rule.code)).toEqual(EML_RULES.map((rule) => rule.code));
    for (const rule of EML_RULES) {
      expect(catalogs.fr[rule.code], rule.code).toBeTypeOf('string');
      expect(catalogs.en[rule.code], rule.code).toBeTypeOf('string');
      expect(rule.description.length, rule.code).toBeGreaterThan(20);
    }
  });

  it('has no eml/ message without a code that emits it', () => {
    const codes = [...EML_RULES.map((rule) => rule.code), ...EML_STRUCTURE_CODES, ...Object.keys(MESSAGE_PROOF_CODES)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(catalogs.fr).filter((code) => code.startsWith('eml/')).sort()).toEqual([...codes].sort());
  });

  describe.each(TABLE.map(([rule, cases]) => [rule.code, rule, cases] as const))('%s', (_code, rule, cases) => {
    it.each(cases)('%s', async (_name, message, expected) => {
      expect(rule.check(await factsOf(message()))).toEqual(expected);
    });
  });
});
