// Namespaces × readers (issue 8, point 2): each reader knows its format by namespace URI, never by
// prefix or local name alone. A document outside its namespace is not that format; a prefixed one
// is; a default namespace redeclared further down moves what it covers out; and a foreign element
// named like one of the format's (`sdtc:id`, an extension's `title`) never counts as it.
import { describe, expect, it } from 'vitest';
import { cdaDocument, insiResponse } from '../../scripts/fixtures/artefact-templates.js';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { validateInsiBytes } from '../../src/artefacts/ins/validator.js';
import { validateEvsBytes } from '../../src/artefacts/evs/validator.js';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import { xdmEntries, xdmMetadata, defaultMetadataValues } from '../../scripts/fixtures/xdm-evs.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import type { ArtefactFinding } from '../../src/artefacts/types.js';
import { replaced } from './readers.js';
import { projectRoot } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';

const HL7 = 'urn:hl7-org:v3';
const SDTC = 'urn:hl7-org:sdtc';
const INSI = 'http://www.cnamts.fr/INSiResultat';
const RIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const GAZELLE = 'http://validationreport.gazelle.ihe.net/';

const WRONG_KEY = '285036912304578';
const rules = (findings: ArtefactFinding[]) => findings.map((finding) => finding.rule);
const errors = (findings: ArtefactFinding[]) => findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);

/** Every element of `xml` written `prefix:name` (comments, declarations and PIs left alone). */
function prefixAll(xml: string, prefix: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w.-]*(?=[\s/>]))/g, `<$1${prefix}:$2`);
}

describe('CDA: ClinicalDocument and its header in urn:hl7-org:v3, any prefix', () => {
  const cda = cdaDocument();

  it.each([
    ['without namespace', replaced(cda, ` xmlns="${HL7}"`, ''), [{ rule: 'cda/namespace', severity: 'error', args: { root: 'ClinicalDocument', namespace: '∅' }, location: '/ClinicalDocument' }]],
    ['in another namespace', replaced(cda, `xmlns="${HL7}"`, 'xmlns="urn:hl7-org:v2"'), [{ rule: 'cda/namespace', severity: 'error', args: { root: 'ClinicalDocument', namespace: 'urn:hl7-org:v2' }, location: '/ClinicalDocument' }]],
    ['prefixed hl7:', prefixAll(replaced(cda, `xmlns="${HL7}"`, `xmlns:hl7="${HL7}"`), 'hl7'), []],
    ['prefixed with another prefix, declared on the root', prefixAll(replaced(cda, `xmlns="${HL7}"`, `xmlns:v3="${HL7}"`), 'v3'), []],
    ['prefixed, the default namespace left to another vocabulary', prefixAll(replaced(cda, `xmlns="${HL7}"`, `xmlns:hl7="${HL7}" xmlns="urn:autre"`), 'hl7'), []],
  ])('%s', (_, text, findings) => {
    expect(validateCdaBytes(Buffer.from(text)).findings).toEqual(findings);
  });

  it('the default namespace redeclared inside the body changes nothing of the header', () => {
    const level3 = cdaDocument({ level: 3 });
    const text = replaced(level3, '<section>', '<section xmlns="urn:autre"><title xmlns="urn:hl7-org:v3">x</title>');
    expect(validateCdaBytes(Buffer.from(text)).findings).toEqual([]);
  });

  it('a header element whose default namespace is redeclared is not the CDA element (title absent)', () => {
    const text = replaced(cda, '<title>', '<title xmlns="urn:autre">');
    expect(errors(validateCdaBytes(Buffer.from(text)).findings)).toEqual(['cda/title']);
  });

  it('an sdtc: title does not stand for the title', () => {
    const text = replaced(cda, "<title>Compte rendu de consultation d’essai</title>", `<sdtc:title xmlns:sdtc="${SDTC}">Compte rendu</sdtc:title>`);
    expect(errors(validateCdaBytes(Buffer.from(text)).findings)).toEqual(['cda/title']);
  });

  it('an sdtc:id with an INS-like extension in patientRole is neither an identifier nor an INS to check', () => {
    const text = replaced(cda, '<patientRole>', `<patientRole>\n      <sdtc:id xmlns:sdtc="${SDTC}" root="1.2.250.1.213.1.4.10" extension="${WRONG_KEY}"/>`);
    const result = validateCdaBytes(Buffer.from(text));
    expect(rules(result.findings)).toEqual([]);
    expect(result.identities.map((identity) => identity.ins)).toEqual(['285036912304579']);
  });

  it('a foreign recordTarget does not make two', () => {
    const text = replaced(cda, '</recordTarget>', `</recordTarget>\n  <x:recordTarget xmlns:x="urn:autre"><x:patientRole/></x:recordTarget>`);
    expect(rules(validateCdaBytes(Buffer.from(text)).findings)).toEqual([]);
  });

  it('the sniffer agrees: any ClinicalDocument root goes to the CDA validator, which judges its namespace', async () => {
    for (const text of [replaced(cda, ` xmlns="${HL7}"`, ''), replaced(cda, `xmlns="${HL7}"`, 'xmlns="urn:hl7-org:v2"'), prefixAll(replaced(cda, `xmlns="${HL7}"`, `xmlns:hl7="${HL7}"`), 'hl7')]) {
      expect((await sniff(bufferSource(Buffer.from(text)))).kind).toBe('cda');
    }
  });
});

describe('INSi response: RESULTAT and its content in the INSiResultat namespace', () => {
  const insi = insiResponse();
  const clean = ['ins/production-oid'];

  it.each([
    ['as written by the teleservice (default namespace on RESULTAT)', insi, clean],
    ['RESULTAT without namespace', replaced(insi, ` xmlns="${INSI}"`, ''), ['insi/not-insi']],
    ['RESULTAT in another namespace', replaced(insi, `xmlns="${INSI}"`, 'xmlns="http://www.cnamts.fr/Autre"'), ['insi/not-insi']],
    [
      'RESULTAT prefixed, its children prefixed',
      insi.replace(/<(\/?)(RESULTAT|CR|CodeCR|LibelleCR|INDIVIDU|INSACTIF|IdIndividu|NumIdentifiant|Cle|OID|TIQ|NomNaissance|Prenom|ListePrenom|Sexe|DateNaissance|LieuNaissance)([\s>])/g, '<$1ins:$2$3').replace(`xmlns="${INSI}"`, `xmlns:ins="${INSI}"`),
      clean,
    ],
    ['the namespace declared for a prefix RESULTAT does not use', replaced(insi, `<RESULTAT xmlns="${INSI}">`, `<RESULTAT xmlns:ins="${INSI}">`), ['insi/not-insi']],
  ])('%s', (_, text, expected) => {
    expect(rules(validateInsiBytes(Buffer.from(text)).findings)).toEqual(expected);
  });

  it('TIQ in another default namespace is not the TIQ (traits absent)', () => {
    const text = replaced(insi, '<TIQ>', '<TIQ xmlns="urn:autre">');
    expect(rules(validateInsiBytes(Buffer.from(text)).findings)).toEqual(['insi/tiq', 'ins/production-oid']);
  });

  it('a foreign CodeCR before the real one does not stand for the answer code', () => {
    const text = replaced(insi, '<CodeCR>00</CodeCR>', '<x:CodeCR xmlns:x="urn:autre">01</x:CodeCR><CodeCR>00</CodeCR>');
    expect(rules(validateInsiBytes(Buffer.from(text)).findings)).toEqual(clean);
  });

  it.each([
    ['RESULTAT in another namespace', replaced(insi, `xmlns="${INSI}"`, 'xmlns="http://www.cnamts.fr/Autre"'), ['insi/not-insi']],
    ['RESULTAT without namespace', replaced(insi, ` xmlns="${INSI}"`, ''), ['insi/not-insi']],
    [
      'a SOAP header nesting deeper than the body (WS-Security, a signature)',
      replaced(insi, '<env:Body>', '<env:Header><wsse:Security xmlns:wsse="urn:wsse"><ds:Signature xmlns:ds="urn:ds"><ds:SignedInfo><ds:Reference><ds:Transforms><ds:Transform/></ds:Transforms></ds:Reference></ds:SignedInfo></ds:Signature></wsse:Security></env:Header>\n  <env:Body>'),
      clean,
    ],
  ])('the sniffer agrees (%s): the file goes to the INSi validator, which judges it', async (_, text, expected) => {
    expect((await sniff(bufferSource(Buffer.from(text)))).kind).toBe('ins');
    expect(rules(validateInsiBytes(Buffer.from(text)).findings)).toEqual(expected);
  });

  it('a foreign Cle beside the real one does not change the INS checked', () => {
    const text = replaced(insi, '<Cle>79</Cle>', '<x:Cle xmlns:x="urn:autre">78</x:Cle><Cle>79</Cle>');
    const result = validateInsiBytes(Buffer.from(text));
    expect(rules(result.findings)).toEqual(clean);
    expect(result.identities.map((identity) => identity.ins)).toEqual(['285036912304579']);
  });
});

describe('EVS report: the Gazelle report in its namespace (the legacy format has none)', () => {
  const failed = readFileSync(`${projectRoot}fixtures/evs/failed.xml`, 'utf8');

  it.each([
    ['as Gazelle writes it', failed, ['evs/failed', 'evs/failed-constraint']],
    ['validationReport without namespace', replaced(failed, ` xmlns="${GAZELLE}"`, ''), ['evs/unknown-format']],
    ['validationReport in another namespace', replaced(failed, `xmlns="${GAZELLE}"`, 'xmlns="http://example.org/report"'), ['evs/unknown-format']],
    ['prefixed', prefixAll(replaced(failed, `xmlns="${GAZELLE}"`, `xmlns:gz="${GAZELLE}"`), 'gz'), ['evs/failed', 'evs/failed-constraint']],
    ['the namespace declared for a prefix the root does not use', replaced(failed, `xmlns="${GAZELLE}"`, `xmlns:gz="${GAZELLE}"`), ['evs/unknown-format']],
  ])('%s', (_, text, expected) => {
    expect(rules(validateEvsBytes(Buffer.from(text)).findings)).toEqual(expected);
  });

  it('a foreign failed constraint is not one of the report’s', () => {
    const foreign = '<x:constraint xmlns:x="urn:autre" severity="ERROR" testResult="FAILED"><x:constraintDescription>étrangère</x:constraintDescription></x:constraint>';
    const text = replaced(failed, '</subReport>', `${foreign}</subReport>`);
    const details = validateEvsBytes(Buffer.from(text)).findings.filter((finding) => finding.rule === 'evs/failed-constraint');
    expect(details.map((finding) => finding.args.description)).toEqual(['Le titre du document doit être renseigné.']);
  });

  it('the legacy format, without namespace, is still read; an embedded CDA’s id is still found', () => {
    const legacy = readFileSync(`${projectRoot}fixtures/evs/legacy-failed.xml`, 'utf8');
    expect(rules(validateEvsBytes(Buffer.from(legacy)).findings)).toEqual(['evs/failed', 'evs/failed-constraint']);
    const embedded = replaced(failed, '</validationReport>', `<validatedObject><hl7:ClinicalDocument xmlns:hl7="${HL7}"><hl7:id root="1.2.250.1.999" extension="42"/></hl7:ClinicalDocument></validatedObject></validationReport>`);
    expect(validateEvsBytes(Buffer.from(embedded)).validatedDocument).toEqual({ fileName: 'compte-rendu.xml', documentId: '1.2.250.1.999^42' });
  });
});

describe('METADATA.XML: ebRIM 3.0 elements in their namespaces', () => {
  const document = Buffer.from(cdaDocument());
  const metadata = xdmMetadata(defaultMetadataValues(document));
  const archive = (text: string) => writeZip(xdmEntries(document).map((entry) => (entry.name.endsWith('METADATA.XML') ? { ...entry, data: Buffer.from(text) } : entry)));

  it.each([
    ['as written (lcm: and rim: prefixes)', metadata],
    ['rim: elements under the default namespace instead of a prefix', metadata.replaceAll('<rim:', '<').replaceAll('</rim:', '</').replace(`xmlns:rim="${RIM}"`, `xmlns="${RIM}"`)],
  ])('%s: clean', async (_, text) => {
    expect(errors((await validateXdmBytes(archive(text))).findings)).toEqual([]);
  });

  const METADATA = 'IHE_XDM/SUBSET01/METADATA.XML';

  it.each([
    ['without namespaces', metadata.replace(/<(\/?)(?:rim|lcm):/g, '<$1').replace(/ xmlns:(lcm|rim)="[^"]*"/g, ''), '∅'],
    ['the request in another namespace', metadata.replace(/xmlns:lcm="[^"]*"/, 'xmlns:lcm="urn:autre"'), 'urn:autre'],
  ])('%s: not XDS metadata, the root named as written', async (_, text, namespace) => {
    expect((await validateXdmBytes(archive(text))).findings).toEqual([
      { rule: 'xdm/metadata-namespace', severity: 'error', args: { entry: METADATA, root: 'SubmitObjectsRequest', namespace }, location: METADATA },
    ]);
  });

  it('rim: bound to another ebRIM version: no ebRIM 3.0 document entry', async () => {
    const text = metadata.replace(`xmlns:rim="${RIM}"`, 'xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:2.1"');
    expect(errors((await validateXdmBytes(archive(text))).findings)).toEqual(['xdm/no-document-entry']);
  });

  it('a foreign Slot named URI does not name the document', async () => {
    const text = replaced(metadata, '<rim:Slot name="URI">', `<x:Slot xmlns:x="urn:autre" name="URI"><x:ValueList><x:Value>AUTRE.XML</x:Value></x:ValueList></x:Slot><rim:Slot name="URI">`);
    expect(errors((await validateXdmBytes(archive(text))).findings)).toEqual([]);
  });
});
