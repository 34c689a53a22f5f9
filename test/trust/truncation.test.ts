// Truncation × readers (issue 8, point 2): a document cut short — in its header, in its body, inside
// a base64 payload, inside an XDM archive — is an error finding at the end of what is there (1-based
// line and column), whatever part of the document the reader keeps. A reader that only reads the
// header must not pass a document cut after it.
import { describe, expect, it } from 'vitest';
import { cdaDocument } from '../../scripts/fixtures/artefact-templates.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import type { ArtefactFinding } from '../../src/artefacts/types.js';
import { XML_READERS } from './readers.js';

/** Where the text ends, as the reader must report it: last line, its length (≥ 1) in code points. */
function endOf(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: Math.max(1, [...lines[lines.length - 1]!].length) };
}

/** `text` cut right after the first `marker` (which must be there). */
function cutAfter(text: string, marker: string): string {
  const index = text.indexOf(marker);
  if (index < 0) throw new Error(`no ${marker}`);
  return text.slice(0, index + marker.length);
}

const rules = (findings: ArtefactFinding[]) => findings.map((finding) => finding.rule);

/** Per reader: a cut early in the document (header) and a late one (body, after what rules read). */
const CUTS: Record<string, { header: string; body: string }> = {
  cda: { header: '<recordTarget>\n    <patientRole>\n      <id root="1.2.250.1.213', body: '<nonXMLBody>\n      <text mediaType="application/pdf"' },
  insi: { header: '<CR>\n        <Code', body: '</TIQ>\n      </INDIVIDU>\n    </RESU' },
  evs: { header: '<validationOverview validationServiceName="Schematron', body: '</constraint>\n  </subRep' },
  xds: { header: '<rim:ExtrinsicObject id="Document01" mimeType="text/xml"', body: '</rim:RegistryPackage>\n    <rim:Classification' },
};

describe.each(XML_READERS.map((reader) => [reader.name, reader]))('%s cut short', (_, reader) => {
  it.each(['header', 'body'] as const)('in its %s: one not-well-formed error at the end of the text', async (where) => {
    const text = cutAfter(reader.document('Hématologie'), CUTS[reader.family]![where]);
    const bytes = reader.container(Buffer.from(text), 'Hématologie');
    const outcome = await reader.validate(bytes);
    const at = endOf(text);
    const expected =
      reader.family === 'xds'
        ? { rule: 'xds/not-well-formed', severity: 'error', args: expect.objectContaining({ detail: expect.any(String) }), location: reader.location(at.line) }
        : { rule: `${reader.family}/not-well-formed`, severity: 'error', args: expect.objectContaining({ detail: expect.any(String) }), location: reader.location(at.line), ...at };
    expect(outcome.findings).toEqual([expected]);
    expect((await sniff(bufferSource(bytes))).kind).toBe(reader.kind);
  });

  it('after its last end tag is written but before the document ends in junk: still an error', async () => {
    const text = `${reader.document('Hématologie')}<`;
    const outcome = await reader.validate(reader.container(Buffer.from(text), 'Hématologie'));
    expect(rules(outcome.findings)).toEqual([`${reader.family}/not-well-formed`]);
  });
});

describe('a CDA cut inside its base64 body', () => {
  const document = cdaDocument();
  const start = document.indexOf('representation="B64">') + 'representation="B64">'.length;

  it.each([
    ['after the PDF magic', 40],
    ['within the first base64 quantum', 3],
    ['right after the text element opens', 0],
  ])('%s: the fault alone, not a claim that the PDF is absent', (_, chars) => {
    const text = document.slice(0, start + chars);
    expect(validateCdaBytes(Buffer.from(text)).findings).toEqual([
      { rule: 'cda/not-well-formed', severity: 'error', args: expect.objectContaining({ detail: expect.any(String) }), location: `ligne ${endOf(text).line}`, ...endOf(text) },
    ]);
  });

  it('a level-3 body cut inside a section: the fault alone, the header’s rules satisfied', () => {
    const level3 = cdaDocument({ level: 3 });
    const text = cutAfter(level3, '<text>Consultation de suivi');
    expect(rules(validateCdaBytes(Buffer.from(text)).findings)).toEqual(['cda/not-well-formed']);
  });
});

describe('inside an XDM archive', () => {
  const document = Buffer.from(cdaDocument());

  it.each([
    ['in its header', '<patientRole>'],
    ['in its body', 'representation="B64">JVBERi0x'],
  ])('a CDA entry cut %s (metadata describing the cut file): the CDA reader’s fault, located in the entry', async (_, marker) => {
    const cut = Buffer.from(cutAfter(document.toString('utf8'), marker));
    const findings = (await validateXdmBytes(writeZip(xdmEntries(cut)))).findings;
    const fault = findings.find((finding) => finding.rule === 'cda/not-well-formed');
    expect(fault).toEqual({ rule: 'cda/not-well-formed', severity: 'error', args: expect.objectContaining({ detail: expect.any(String) }), location: `IHE_XDM/SUBSET01/DOC0001.XML:ligne ${endOf(cut.toString('utf8')).line}` });
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule)).toEqual(['cda/not-well-formed']);
  });

  it('a CDA entry whose last 200 bytes were lost after the archive was made (padded to its size): its CRC-32 refuses it', async () => {
    const entries = xdmEntries(document).map((entry) => (entry.name.endsWith('DOC0001.XML') ? { ...entry, stored: true } : entry));
    const stored = writeZip(entries);
    const at = stored.indexOf(document) + document.length - 200;
    stored.fill(0x20, at, at + 200);
    expect((await validateXdmBytes(stored)).findings).toEqual([
      { rule: 'xdm/crc-mismatch', severity: 'error', args: { entry: 'IHE_XDM/SUBSET01/DOC0001.XML' }, location: 'IHE_XDM/SUBSET01/DOC0001.XML' },
    ]);
  });

  it('the archive itself cut short: not a readable zip', async () => {
    const zip = writeZip(xdmEntries(document));
    const cut = zip.subarray(0, zip.length - 30);
    expect(rules((await validateXdmBytes(cut)).findings)).toEqual(['xdm/not-a-zip']);
    expect((await sniff(bufferSource(cut))).kind).toBe('xdm');
  });
});
