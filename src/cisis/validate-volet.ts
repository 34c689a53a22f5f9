// The CDA validator's entry to CI-SIS content rules: choose the document's volet from the header
// the native rules read, run that volet's pack on the document's text, say which pack ran.
// Loaded only when `--cisis` is given (it brings fontoxpath and slimdom).
import type { CdaDocument } from '../artefacts/cda/document.js';
import type { ArtefactFinding } from '../artefacts/types.js';
import { decodeText } from '../io/decode.js';
import type { Pack } from './pack.js';
import { SegurError } from '../errors.js';
import { xsdFindings } from './xsd/xmllint.js';
import { preparePack, runPack, type PreparedPack } from './run/run-pack.js';
import { headerFacts } from './select/header-facts.js';
import { selectVolet, type VoletChoice } from './select/select-volet.js';
import { declaredVolets } from './select/declared-volets.js';
import { buildDocument, type BuildOutcome } from './run/dom.js';
import { loadPack, readIndex, type PackIndex } from './store/pack-cache.js';
import { appendAll } from '../util/append.js';

/** What pool workers receive (serialisable): the compiled packs' folder, a forced volet, the CDA XSD (`--xsd`). */
export interface CisisOptions {
  packDir: string;
  volet?: string;
  xsd?: string;
}

const indexes = new Map<string, PackIndex | undefined>();
const prepared = new Map<Pack, PreparedPack>();

/**
 * The volet rules hold the whole document as a DOM (≈10–20 bytes of memory per byte of XML): beyond
 * this size they are not run, and the report says so. The largest ANS example is ≈3 MB.
 */
export const MAX_VOLET_BYTES = 32 * 1024 * 1024;

/** Findings of the volet rules on one CDA document read by the header validator, from its bytes. */
export function voletFindings(document: CdaDocument, bytes: Uint8Array, options: CisisOptions): ArtefactFinding[] {
  if (bytes.length > MAX_VOLET_BYTES) return [{ rule: 'cisis/too-large', severity: 'warning', args: { size: bytes.length, limit: MAX_VOLET_BYTES } }];
  const decoded = decodeText(bytes, { xml: true });
  // Bytes that do not decode are already reported by the header read: no volet on a guess.
  if (!decoded.ok) return [];
  const findings = validateVolet(document, decoded.text, options);
  if (options.xsd !== undefined) appendAll(findings, xsdFindings(bytes, options.xsd));
  return findings;
}

/** Findings of the volet rules on one CDA document (`text`: the whole document, decoded). */
export function validateVolet(document: CdaDocument, text: string, options: CisisOptions): ArtefactFinding[] {
  if (!indexes.has(options.packDir)) indexes.set(options.packDir, readIndex(options.packDir));
  const index = indexes.get(options.packDir);
  const known = new Set(index?.volets.map((summary) => summary.volet));
  // The tree is built only once a volet applies (or a body probe needs it), and then only once.
  let built: BuildOutcome | undefined;
  const tree = () => (built ??= buildDocument(text));
  const facts = {
    ...headerFacts(document),
    declared: declaredVolets(text),
    hasTemplateId: (root: string) => {
      const outcome = tree();
      return outcome.ok && outcome.built.elements.some((element) => element.localName === 'templateId' && element.getAttributeNS(null, 'root') === root);
    },
  };
  const choice = selectVolet(facts, options.volet, known);
  if (choice.volet === undefined) return [noVoletFinding(choice)];
  // Said even when the volet then cannot run: the header itself is in question.
  const unknownVersion: ArtefactFinding[] =
    choice.reason === 'templateId' && choice.unknownExtension
      ? [{ rule: 'cisis/volet-unknown-extension', severity: 'warning', args: { extension: choice.extension ?? '', templateId: choice.templateId, volet: choice.volet } }]
      : [];
  const summary = index?.volets.find((volet) => volet.volet === choice.volet);
  if (!summary) return [...unknownVersion, { rule: 'cisis/volet-unavailable', severity: 'warning', args: { volet: choice.volet } }];
  let pack: Pack;
  try {
    pack = loadPack(options.packDir, summary.file);
  } catch (error) {
    if (error instanceof SegurError) return [{ rule: error.code, severity: 'error', args: error.args }];
    throw error;
  }
  let ready = prepared.get(pack);
  if (!ready) prepared.set(pack, (ready = preparePack(pack)));
  const outcome = tree();
  // A document the volet could not run on (not well-formed, beyond the node budget): runPack's
  // finding says so, naming the volet; saying that the rules ran would be false.
  if (!outcome.ok) return [...unknownVersion, ...runPack(ready, outcome).findings];
  const findings: ArtefactFinding[] = [ranFinding(choice), ...unknownVersion];
  if (choice.reason === 'templateId' && choice.declaredIgnored !== undefined) {
    findings.push({ rule: 'cisis/volet-declared-ignored', severity: 'info', args: { declared: choice.declaredIgnored, volet: choice.volet } });
  }
  if (summary.diagnostics.error > 0) findings.push({ rule: 'cisis/volet-incomplete', severity: 'warning', args: { volet: choice.volet, errors: summary.diagnostics.error } });
  appendAll(findings, runPack(ready, outcome).findings);
  return findings;
}

/** The finding saying why no volet ran: a note, but a warning when the header names several volets. */
function noVoletFinding(choice: Extract<VoletChoice, { volet?: undefined }>): ArtefactFinding {
  switch (choice.reason) {
    case 'level1':
      return { rule: 'cisis/no-volet-level1', severity: 'info', args: {} };
    case 'no-volet':
      return { rule: 'cisis/no-volet', severity: 'info', args: {} };
    case 'known-document':
      return { rule: 'cisis/no-volet-known-document', severity: 'info', args: { templateId: choice.templateId, code: choice.code, document: choice.document } };
    case 'ambiguous':
      return { rule: 'cisis/volet-ambiguous', severity: 'warning', args: { candidates: choice.candidates.join(', ') } };
  }
}

/** The info finding saying which pack ran, and why. */
function ranFinding(choice: Exclude<VoletChoice, { volet?: undefined }>): ArtefactFinding {
  switch (choice.reason) {
    case 'forced':
      return { rule: 'cisis/volet-forced', severity: 'info', args: { volet: choice.volet } };
    case 'declared':
      return { rule: 'cisis/volet-declared', severity: 'info', args: { volet: choice.volet } };
    case 'templateId':
      return { rule: 'cisis/volet', severity: 'info', args: { volet: choice.volet, templateId: choice.templateId, extension: choice.extension ?? '—' } };
  }
}
