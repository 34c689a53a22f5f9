import { describe, expect, it } from 'vitest';
import { bufferSource, kindAccepts, sniff as sniffSource, xmlRootElement } from '../../src/bundle/sniff.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';

const sniff = (head: Buffer) => sniffSource(bufferSource(head));

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** `text` in UTF-16 LE and BE, each with and without a BOM. */
function textEncodings(name: string, text: string, kind: string, format: string): [string, Buffer, string, string][] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [
    [`${name} in UTF-16LE with a BOM`, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), kind, format],
    [`${name} in UTF-16BE with a BOM`, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), kind, format],
    [`${name} in UTF-16LE without a BOM`, le, kind, format],
    [`${name} in UTF-16BE without a BOM`, be, kind, format],
  ];
}

describe('sniff', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'), 'screenshot', 'PNG'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'screenshot', 'JPEG'],
    ['GIF', bytes('GIF89a', [1, 0]), 'screenshot', 'GIF'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'screenshot', 'WebP'],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'pdf', 'PDF'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom'), 'video', 'MP4'],
    ['MOV', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video', 'MP4'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), 'video', 'WebM'],
    ['plain zip', bytes('PK', [3, 4], 'docs/a.txt'), 'document', 'ZIP'],
    ['XDM zip', bytes('PK', [3, 4], 'IHE_XDM/SUBSET01/METADATA.XML'), 'xdm', 'ZIP IHE_XDM'],
    ['CDA with a UTF-8 BOM', Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<ClinicalDocument xmlns="urn:hl7-org:v3">', 'utf8'), 'cda', 'XML ClinicalDocument'],
    ['INSi SOAP', bytes('<env:Envelope xmlns:env="x"><env:Body><RESULTAT xmlns="http://www.cnamts.fr/INSiResultat">'), 'ins', 'XML Envelope'],
    ['other SOAP', bytes('<soap:Envelope xmlns:soap="x"><soap:Body><Foo/>'), 'document', 'XML Envelope'],
    ['EVS report', bytes('<?xml version="1.0"?><validationReport result="PASSED">'), 'evs-report', 'XML validationReport'],
    ['legacy EVS', bytes('<detailedResult>'), 'evs-report', 'XML detailedResult'],
    ['mail', bytes('From: a@b.fr\r\nTo: c@d.fr\r\nSubject: essai\r\n\tsuite\r\n\r\nbody'), 'eml', 'EML'],
    ['mail after an mbox separator line', bytes('From a@b.fr Mon Nov 30 01:00:00 2026\nFrom: a@b.fr\nTo: c@d.fr\n\nbody'), 'eml', 'EML'],
    ['mail saved without From', bytes('Return-Path: <a@b.fr>\nMessage-ID: <1@b.fr>\nSubject: essai\n\nbody'), 'eml', 'EML'],
    ['a log of "Key: value" lines', bytes('Date: 2025-01-01\nUtilisateur: dupont\nAction: connexion\n'), 'log', 'texte'],
    ['log', bytes('2025-01-01 connexion ok\n'), 'log', 'texte'],
    ['binary', bytes([0, 1, 2, 3]), 'document', 'binaire'],
    // Markup before magic numbers: a comment may hold what looks like one.
    ['CDA opening with <!--moov-->', bytes('<!--moov-->\n<ClinicalDocument xmlns="urn:hl7-org:v3">'), 'cda', 'XML ClinicalDocument'],
    ['CDA quoting %PDF- in a comment', bytes('<?xml version="1.0"?><!-- %PDF-1.4 --><ClinicalDocument xmlns="urn:hl7-org:v3">'), 'cda', 'XML ClinicalDocument'],
    ['CDA whose bytes 4–8 read ftyp', bytes('<a:ftyp xmlns:a="urn:hl7-org:v3"/>'), 'document', 'XML ftyp'],
    ['PDF with a few bytes before its header', bytes('\r\n%PDF-1.7\n'), 'pdf', 'PDF'],
    // Text saved as UTF-16 (Notepad's « Unicode »), with or without a BOM: the kind of what it says.
    ...textEncodings('mail', 'From: a@b.fr\r\nTo: c@d.fr\r\nSubject: Résultat\r\n\r\nbody', 'eml', 'EML'),
    ...textEncodings('CDA', '<ClinicalDocument xmlns="urn:hl7-org:v3"><id/>', 'cda', 'XML ClinicalDocument'),
    ...textEncodings('log', 'Déconnexion de l’utilisateur à 10:02\n', 'log', 'texte'),
  ])('%s', async (_name, head, kind, format) => {
    expect(await sniff(head)).toMatchObject({ kind, format });
  });

  it('finds IHE_XDM/ in the central directory, after a large first entry', async () => {
    const zip = writeZip([
      { name: 'INDEX.HTM', data: Buffer.alloc(200_000, 'x'), stored: true },
      { name: 'IHE_XDM/SUBSET01/DOC0001.XML', data: Buffer.from('<a/>') },
    ]);
    expect((await sniff(zip)).kind).toBe('xdm');
  });

  it('skips a DOCTYPE with an internal subset to find the root', () => {
    expect(xmlRootElement('<?xml version="1.0"?><!DOCTYPE x [ <!ENTITY a "b"> ]><ClinicalDocument/>')).toBe('ClinicalDocument');
    expect(xmlRootElement('not xml')).toBeUndefined();
  });
});

describe('kindAccepts', () => {
  const png = { kind: 'screenshot', format: 'PNG', textual: false } as const;
  const xml = { kind: 'document', format: 'XML a', textual: true } as const;
  it('describes sniffed files as these tables use them', async () => {
    expect(await sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual(png);
    expect(await sniff(bytes('<a/>'))).toEqual(xml);
  });
  it.each([
    ['screenshot', png, true],
    ['document', png, true],
    ['video', png, false],
    ['log', png, false],
    ['log', xml, true],
    ['cda', xml, false],
  ] as const)('%s ← %s', (declared, sniffed, accepted) => {
    expect(kindAccepts(declared, sniffed)).toBe(accepted);
  });
});
