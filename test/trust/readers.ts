// The XML readers of segur seen the same way by the table tests of issue 8 (encodings, truncation,
// namespaces): each builds a small valid document around a piece of text (`sample`), validates
// bytes as the product does, and says which text it read back. Documents come from the fixture
// templates (scripts/fixtures/), never from ANS material.
import { readFileSync } from 'node:fs';
import { cdaDocument, insiResponse } from '../../scripts/fixtures/artefact-templates.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { validateCda } from '../../src/artefacts/cda/validator.js';
import { validateInsiBytes } from '../../src/artefacts/ins/validator.js';
import { validateEvsBytes } from '../../src/artefacts/evs/validator.js';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { descend } from '../../src/artefacts/xml/node.js';
import type { ArtefactFinding, ArtefactKind } from '../../src/artefacts/types.js';
import { projectRoot } from '../helpers/cli.js';

export interface ReaderOutcome {
  findings: ArtefactFinding[];
  /** The sample text as the reader read it (undefined when it read nothing). */
  sample: string | undefined;
}

export interface XmlReaderCase {
  name: string;
  /** Prefix of the reader's read-problem codes (`cda/encoding`, `xds/not-well-formed`). */
  family: 'cda' | 'insi' | 'evs' | 'xds';
  /** What the sniffer must take the file handed to the validator for. */
  kind: ArtefactKind;
  /** A valid document (UTF-8, declared so) holding `sample` once, as element text. */
  document(sample: string): string;
  /** The bytes the validator is given for the document's bytes (XDS: an archive around them, its CDA titled `sample`). */
  container(bytes: Buffer, sample: string): Buffer;
  validate(container: Buffer): Promise<ReaderOutcome>;
  /** Findings of the valid document besides none (an INSi answer's production-OID note). */
  cleanFindings: string[];
  /** Where a read-problem finding located inside this document is placed (`ligne N`, or inside the archive). */
  location(line: number): string;
}

const METADATA_ENTRY = 'IHE_XDM/SUBSET01/METADATA.XML';

/** A level-1 CDA whose title is `sample` (’ written ' so that every single-byte encoding has it). */
export const cdaWithTitle = (sample: string): string =>
  cdaDocument().replaceAll('’', "'").replace('<title>Compte rendu de consultation d\'essai</title>', `<title>${sample}</title>`);

const CDA: XmlReaderCase = {
  name: 'CDA',
  family: 'cda',
  kind: 'cda',
  document: cdaWithTitle,
  container: (bytes) => bytes,
  validate: async (bytes) => {
    const { result, document } = validateCda(bytes);
    return { findings: result.findings, sample: document ? descend(document.root, 'title')?.text : undefined };
  },
  cleanFindings: [],
  location: (line) => `ligne ${line}`,
};

const INSI: XmlReaderCase = {
  name: 'INSi response',
  family: 'insi',
  kind: 'ins',
  document: (sample) => replaced(insiResponse(), '<NomNaissance>MARTINEAU-ESSAI</NomNaissance>', `<NomNaissance>${sample}</NomNaissance>`),
  container: (bytes) => bytes,
  validate: async (bytes) => {
    const result = validateInsiBytes(bytes);
    return { findings: result.findings, sample: result.identities[0]?.birthFamilyName };
  },
  cleanFindings: ['ins/production-oid'],
  location: (line) => `ligne ${line}`,
};

/** A FAILED Gazelle report whose one failed constraint is described by `sample`. */
const EVS: XmlReaderCase = {
  name: 'EVS report',
  family: 'evs',
  kind: 'evs-report',
  document: (sample) =>
    replaced(
      readFileSync(`${projectRoot}fixtures/evs/failed.xml`, 'utf8').replaceAll('’', "'"),
      'Le titre du document doit être renseigné.',
      sample,
    ),
  container: (bytes) => bytes,
  validate: async (bytes) => {
    const result = validateEvsBytes(bytes);
    const constraint = result.findings.find((finding) => finding.rule === 'evs/failed-constraint');
    return { findings: result.findings.filter((finding) => finding !== constraint), sample: constraint?.args.description as string | undefined };
  },
  cleanFindings: ['evs/failed'],
  location: (line) => `ligne ${line}`,
};

/**
 * METADATA.XML inside an IHE_XDM.ZIP, its document title `sample`, the CDA beside it (UTF-8) titled
 * the same: a title read wrongly is an `xdm/title` error whose `found` is what was read.
 */
const XDS: XmlReaderCase = {
  name: 'METADATA.XML in an XDM',
  family: 'xds',
  kind: 'xdm',
  document: (sample) => {
    const entries = xdmEntries(Buffer.from(cdaWithTitle(sample)), (values) => void (values.title = sample));
    const metadata = entries.find((entry) => entry.name === METADATA_ENTRY)!.data.toString('utf8');
    return replaced(metadata, 'Métadonnées XDS d’essai', "Métadonnées XDS d'essai");
  },
  container: (metadata, sample) => {
    const entries = xdmEntries(Buffer.from(cdaWithTitle(sample)));
    return writeZip(entries.map((entry) => (entry.name === METADATA_ENTRY ? { name: entry.name, data: metadata } : entry)));
  },
  validate: async (archive) => {
    const result = await validateXdmBytes(archive);
    const title = result.findings.find((finding) => finding.rule === 'xdm/title');
    const read = result.findings.some((finding) => finding.rule.startsWith('xds/')) ? undefined : title ? String(title.args.found) : 'as the CDA';
    return { findings: result.findings.filter((finding) => finding !== title), sample: read };
  },
  cleanFindings: [],
  location: (line) => `${METADATA_ENTRY}:ligne ${line}`,
};

export const XML_READERS: XmlReaderCase[] = [CDA, INSI, EVS, XDS];

export function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`template lacks ${from}`);
  return text.replace(from, to);
}
