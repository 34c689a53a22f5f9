// Table tests of the checks across one requirement's proofs (src/engine/evs-match.ts,
// src/engine/message-proof.ts), on artefact results as the validators return them.
import { describe, expect, it } from 'vitest';
import type { ArtefactResult, CdaDocumentFacts } from '../../src/artefacts/types.js';
import type { AttachedFile } from '../../src/bundle/model.js';
import type { Manifest } from '../../src/bundle/manifest-schema.js';
import type { ProofEvidence } from '../../src/rules/rule.js';
import type { Finding } from '../../src/engine/finding.js';
import { EVS_MATCH_CODES, evsMatchFindings } from '../../src/engine/evs-match.js';
import { MESSAGE_PROOF_CODES, messageProofFindings } from '../../src/engine/message-proof.js';
import { catalogs } from '../../src/messages/index.js';

const REQUIREMENT = 'DMP/va1.01';
const VALIDATOR = 'Schematron Based CDA Validator (CI-SIS_CR-CONSULTATION)';
const CDA: CdaDocumentFacts = { id: '1.2.3^1', setId: '1.2.3', title: 'Compte  rendu ', code: '11488-4', sha256: 'a'.repeat(64) };

function file(path: string): AttachedFile {
  return { ref: { path, origin: 'manifest' }, facts: { status: 'not-found' } };
}

function proof(id: string, paths: string[], text = 'Document', scenarioText = 'Scénario'): ProofEvidence {
  return { scenario: { id: `${id}-s`, text: scenarioText, proofs: [] }, proof: { id, text }, files: paths.map(file) };
}

const evs = (named: ArtefactResult['validatedDocument'], result = 'PASSED', version = '3.4.1'): ArtefactResult => ({
  findings: [],
  identities: [],
  ...(named ? { validatedDocument: named } : {}),
  evsReport: { result, validator: VALIDATOR, ...(version ? { validatorVersion: version } : {}) },
});
const cda = (document: CdaDocumentFacts = CDA): ArtefactResult => ({ findings: [], identities: [], documents: [document] });

const at = { requirement: REQUIREMENT, proof: 'P2', file: 'rapport.xml' };
const finding = (rule: string, args: Finding['args']): Finding => ({ rule, severity: EVS_MATCH_CODES[rule]!, args: { validator: VALIDATOR, version: '3.4.1', ...args }, ...at });

/** The requirement's two proofs: a CDA (P1) and the EVS report (P2). */
function matchWith(report: ArtefactResult, document: ArtefactResult = cda(), documentPath = 'cr.xml'): Finding[] {
  const results = new Map([
    [documentPath, document],
    ['rapport.xml', report],
  ]);
  return evsMatchFindings(REQUIREMENT, [proof('P1', [documentPath]), proof('P2', ['rapport.xml'])], results);
}

describe('EVS report ↔ CDA of the requirement', () => {
  it.each<[string, () => Finding[], Finding[]]>([
    ['same embedded bytes', () => matchWith(evs({ sha256: 'a'.repeat(64) })), [finding('evs/document-matched', { document: 'cr.xml', how: 'SHA-256' })]],
    [
      'other embedded bytes, other id: explained by the id',
      () => matchWith(evs({ sha256: 'b'.repeat(64), documentId: '1.2.3^2' })),
      [finding('evs/other-document', { how: 'id', reported: '1.2.3^2', expected: '1.2.3^1 (cr.xml)' })],
    ],
    [
      'other embedded bytes, same id: the document changed after validation',
      () => matchWith(evs({ sha256: 'b'.repeat(64), documentId: '1.2.3^1' })),
      [finding('evs/document-changed', { document: 'cr.xml', id: '1.2.3^1', reported: 'b'.repeat(64), expected: 'a'.repeat(64) })],
    ],
    [
      'other bytes, same XML text (line endings, BOM, encoding): the same document',
      () => matchWith(evs({ sha256: 'b'.repeat(64), textSha256: 'c'.repeat(64), documentId: '1.2.3^1' }), cda({ ...CDA, textSha256: 'c'.repeat(64) })),
      [finding('evs/document-matched-text', { document: 'cr.xml', reported: 'b'.repeat(64), expected: 'a'.repeat(64) })],
    ],
    [
      'other bytes, same XML text, no id',
      () => matchWith(evs({ sha256: 'b'.repeat(64), textSha256: 'c'.repeat(64) }), cda({ ...CDA, textSha256: 'c'.repeat(64) })),
      [finding('evs/document-matched-text', { document: 'cr.xml', reported: 'b'.repeat(64), expected: 'a'.repeat(64) })],
    ],
    [
      'other bytes, other XML text, same id: changed',
      () => matchWith(evs({ sha256: 'b'.repeat(64), textSha256: 'd'.repeat(64), documentId: '1.2.3^1' }), cda({ ...CDA, textSha256: 'c'.repeat(64) })),
      [finding('evs/document-changed', { document: 'cr.xml', id: '1.2.3^1', reported: 'b'.repeat(64), expected: 'a'.repeat(64) })],
    ],
    ['other embedded bytes, no id', () => matchWith(evs({ sha256: 'b'.repeat(64) })), [finding('evs/other-document', { how: 'SHA-256', reported: 'b'.repeat(64), expected: `${'a'.repeat(64)} (cr.xml)` })]],
    ['named id', () => matchWith(evs({ documentId: '1.2.3^1' })), [finding('evs/document-matched', { document: 'cr.xml', how: 'id' })]],
    ['named setId', () => matchWith(evs({ setId: '1.2.3' })), [finding('evs/document-matched', { document: 'cr.xml', how: 'setId' })]],
    ['named title, spacing aside', () => matchWith(evs({ title: 'Compte rendu' })), [finding('evs/document-matched', { document: 'cr.xml', how: 'title' })]],
    ['other title', () => matchWith(evs({ title: 'Autre' })), [finding('evs/other-document', { how: 'title', reported: 'Autre', expected: 'Compte rendu (cr.xml)' })]],
    ['file name only, same', () => matchWith(evs({ fileName: 'CR.xml' })), [finding('evs/document-matched', { document: 'cr.xml', how: 'fileName' })]],
    ['file name only, other: cannot be matched', () => matchWith(evs({ fileName: 'autre.xml' })), [finding('evs/unmatched', {})]],
    ['nothing named', () => matchWith(evs(undefined)), [finding('evs/unmatched', {})]],
    [
      'UNDEFINED about the document: inconclusive',
      () => matchWith(evs({ documentId: '1.2.3^1' }, 'UNDEFINED')),
      [finding('evs/document-matched', { document: 'cr.xml', how: 'id' }), finding('evs/inconclusive', { result: 'UNDEFINED' })],
    ],
    ['FAILED about the document (evs/failed is the report’s own error)', () => matchWith(evs({ documentId: '1.2.3^1' }, 'FAILED')), [finding('evs/document-matched', { document: 'cr.xml', how: 'id' })]],
    ['no version stated', () => matchWith(evs({ documentId: '1.2.3^1' }, 'PASSED', '')), [{ ...finding('evs/document-matched', { document: 'cr.xml', how: 'id' }), args: { validator: VALIDATOR, version: '∅', document: 'cr.xml', how: 'id' } }]],
    [
      'CDA inside a message of the requirement',
      () => matchWith(evs({ documentId: '1.2.3^1' }), cda({ ...CDA, location: 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML' }), 'message.eml'),
      [finding('evs/document-matched', { document: 'message.eml:IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML', how: 'id' })],
    ],
    ['CDA file name inside an archive', () => matchWith(evs({ fileName: 'DOC0001.XML' }), cda({ ...CDA, location: 'IHE_XDM/SUBSET01/DOC0001.XML' }), 'IHE_XDM.ZIP'), [finding('evs/document-matched', { document: 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML', how: 'fileName' })]],
  ])('%s', (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  it('says nothing when the requirement holds no CDA document', () => {
    const results = new Map([['rapport.xml', evs({ documentId: '9.9' })]]);
    expect(evsMatchFindings(REQUIREMENT, [proof('P2', ['rapport.xml'])], results)).toEqual([]);
  });

  it('has a message for each code', () => {
    for (const code of [...Object.keys(EVS_MATCH_CODES), ...Object.keys(MESSAGE_PROOF_CODES)]) {
      expect(catalogs.fr[code], code).toBeTypeOf('string');
      expect(catalogs.en[code], code).toBeTypeOf('string');
    }
  });
});

describe('MSSanté message ↔ its proof', () => {
  const message = (facts: ArtefactResult['message']): ArtefactResult => ({ findings: [], identities: [], message: facts });
  const manifest = (nil?: string) => ({ schema: 'segur-bundle/1', software: { name: 'MonLGC', version: '1', ...(nil ? { nil } : {}) } }) as Manifest;
  const run = (facts: ArtefactResult['message'], proofText: string, nil?: string, scenarioText = 'L’utilisateur envoie un message.') =>
    messageProofFindings('MSS/va1.01', [proof('MSS/va1.01.01.01', ['m.eml'], proofText, scenarioText)], new Map([['m.eml', message(facts)]]), manifest(nil));
  const found = (rule: string, args: Finding['args'] = {}): Finding => ({ rule, severity: MESSAGE_PROOF_CODES[rule]!, args, requirement: 'MSS/va1.01', proof: 'MSS/va1.01.01.01', file: 'm.eml' });

  it.each<[string, () => Finding[], Finding[]]>([
    ['XDM expected, attached, NIL declared and equal', () => run({ attachments: 1, xdmArchives: 1, nil: 'N1' }, 'Archive IHE_XDM.ZIP du message', 'N1'), []],
    ['document expected, none attached', () => run({ attachments: 0, xdmArchives: 0, nil: 'N1' }, 'Message avec pièce jointe', 'N1'), [found('eml/no-attachment')]],
    ['document in the scenario text, none attached', () => run({ attachments: 0, xdmArchives: 0, nil: 'N1' }, 'Capture', 'N1', 'envoie un message avec un document joint'), [found('eml/no-attachment')]],
    ['CDA expected, only a PDF attached', () => run({ attachments: 1, xdmArchives: 0, nil: 'N1' }, 'Document CDA envoyé', 'N1'), [found('eml/no-xdm-attachment')]],
    ['no document expected (word « documentation » is not one)', () => run({ attachments: 0, xdmArchives: 0, nil: 'N1' }, 'Message de documentation', 'N1'), []],
    ['NIL differs', () => run({ attachments: 1, xdmArchives: 1, nil: 'N2' }, 'Archive IHE_XDM.ZIP', 'N1'), [found('eml/x-mss-nil', { expected: 'N1', found: 'N2' })]],
    ['NIL not declared in segur.yaml', () => run({ attachments: 1, xdmArchives: 1, nil: 'N2' }, 'Archive IHE_XDM.ZIP'), [found('eml/x-mss-nil-unchecked', { found: 'N2' })]],
    ['no X-MSS-NIL (the validator says so)', () => run({ attachments: 1, xdmArchives: 1 }, 'Archive IHE_XDM.ZIP', 'N1'), []],
  ])('%s', (_name, check, expected) => {
    expect(check()).toEqual(expected);
  });
});
