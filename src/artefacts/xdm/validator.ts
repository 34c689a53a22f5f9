// IHE XDM validator (artefact-rules.md section 3): archive limits before inflating, layout, then for
// each subset its METADATA.XML against the files it lists and the CDA documents they are. Entries
// are read by entry-reader.ts (no work folder to leave behind; bytes inflated and held bounded by the
// archive's own bytes); each distinct CDA is validated once whatever the number of document entries
// naming it, and at most maxDocumentEntriesTotal document entries are checked per archive. Embedded
// CDAs go through the CDA validator; their findings and identities carry the entry name.
import type { ArtefactFinding, ArtefactResult, ArtefactValidator, CdaDocumentFacts, PatientIdentity } from '../types.js';
import { readXml } from '../xml/read-xml.js';
import { displayName, pathOf } from '../xml/node.js';
import { readProblemFinding } from '../read-findings.js';
import { ByteBudget, proportionalBudget, type OpenedZip } from '../../io/zip-directory.js';
import { openXdmArchive, XDM_LIMITS, XDM_MAX_FILE_BYTES, type XdmLimits } from './open-archive.js';
import { isXdsRoot, readXdsMetadata, XDS_NAMESPACES, XDS_SCHEMES, type XdsObject } from './metadata.js';
import type { CdaFacts } from './cda-facts.js';
import { EntryReader, type ArchiveBudgets } from './entry-reader.js';
import { XDM_RULES } from './rules/index.js';
import { EntryReport, type XdmEntryFacts, type XdmFile } from './rules/rule.js';
import { checkPatientId, patientIdRule } from './rules/patient-id.js';
import { appendAll } from '../../util/append.js';

export const xdmValidator: ArtefactValidator = {
  kind: 'xdm',
  maxBytes: XDM_MAX_FILE_BYTES,
  validate: (bytes) => validateXdmBytes(bytes),
};

/** Findings decided on the archive, its layout or its metadata, outside the entry rules (rules/index.ts). */
export const ARCHIVE_CODES = [
  'xdm/not-a-zip',
  'xdm/too-many-entries',
  'xdm/too-large',
  'xdm/entry-too-large',
  'xdm/unsafe-entry-name',
  'xdm/duplicate-entry',
  'xdm/entry-name-encoding',
  'xdm/encrypted',
  'xdm/entry-unreadable',
  'xdm/crc-mismatch',
  'xdm/local-name-mismatch',
  'xdm/backslash-separator',
  'xdm/folder-case',
  'xdm/layout',
  'xdm/no-metadata',
  'xdm/metadata-namespace',
  'xdm/no-document-entry',
  'xdm/too-many-document-entries',
  'xdm/document-entry-budget',
  'xdm/inflation-budget',
  'xdm/no-submission-set',
  'xdm/uri-missing',
  'xdm/uri-not-found',
  'xdm/rule-crashed',
] as const;

const METADATA = /^IHE_XDM\/([^/]+)\/METADATA\.XML$/i;
const ROOT_FILES = ['INDEX.HTM', 'README.TXT'];

/** `bytes`: a whole IHE_XDM.ZIP. */
export async function validateXdmBytes(bytes: Buffer, limits: XdmLimits = XDM_LIMITS): Promise<ArtefactResult> {
  return (await validateXdmArchive(bytes, limits)).result;
}

export interface XdmArchiveOutcome {
  /** Findings, identities and `documents` (each CDA with its entry name as `location`). */
  result: ArtefactResult;
  /**
   * The e-mail addresses the submission sets' `intendedRecipient` slots name (XTN `^^Internet^addr`,
   * IHE ITI TF-3 §4.2.3.3.7), for comparison with the recipients of the message that carries the archive.
   */
  intendedRecipients: string[];
  /** The entry at which `sharedBudget` refused to inflate more (the archive is then partly checked). */
  sharedBudgetSpentAt?: string;
}

export interface XdmArchiveOptions {
  /** Inflation budget shared with other archives (those of one message), charged besides the archive's own. */
  sharedBudget?: ByteBudget;
}

/**
 * `validateXdmBytes`, plus what a message carrying the archive is compared with (eml/). Bytes
 * inflated are bounded by `limits.inflationRatio` × `bytes.length` (between `minInflationBytes` and
 * `maxInflationBytes`; `xdm/inflation-budget` when reached) and by `options.sharedBudget`.
 */
export async function validateXdmArchive(bytes: Buffer, limits: XdmLimits = XDM_LIMITS, options: XdmArchiveOptions = {}): Promise<XdmArchiveOutcome> {
  const opened = await openXdmArchive(bytes, limits);
  if (opened.status === 'refused') return { result: { findings: [opened.finding], identities: [] }, intendedRecipients: [] };
  const own = new ByteBudget(proportionalBudget(bytes.length, { ratio: limits.inflationRatio, minBytes: limits.minInflationBytes, maxBytes: limits.maxInflationBytes }));
  try {
    return await validateArchive(opened.archive, limits, { own, archiveBytes: bytes.length, ...(options.sharedBudget ? { shared: options.sharedBudget } : {}) });
  } finally {
    opened.archive.close();
  }
}

async function validateArchive(archive: OpenedZip, limits: XdmLimits, budgets: ArchiveBudgets): Promise<XdmArchiveOutcome> {
  const findings: ArtefactFinding[] = [];
  const identities: PatientIdentity[] = [];
  const documents: CdaDocumentFacts[] = [];
  const intendedRecipients: string[] = [];
  const names = [...archive.entries.keys()];
  const backslashed = [...archive.entries.values()].filter((ref) => ref.backslash);
  if (backslashed.length > 0) {
    findings.push({ rule: 'xdm/backslash-separator', severity: 'warning', args: { entry: backslashed[0]!.name, count: backslashed.length }, location: backslashed[0]!.name });
  }
  const misCased = names.find((name) => /^ihe_xdm\//i.test(name) && !name.startsWith('IHE_XDM/'));
  if (misCased) findings.push({ rule: 'xdm/folder-case', severity: 'warning', args: { entry: misCased }, location: misCased });
  for (const required of ROOT_FILES) {
    if (!names.some((name) => name.toUpperCase() === required)) {
      findings.push({ rule: 'xdm/layout', severity: 'warning', args: { entry: required }, location: required });
    }
  }
  const subsets = names.filter((name) => METADATA.test(name)).sort();
  if (subsets.length === 0) {
    findings.push({ rule: 'xdm/no-metadata', severity: 'error', args: {} });
    return { result: { findings, identities }, intendedRecipients };
  }
  const reader = new EntryReader(archive, findings, budgets);
  const entryBudget = { left: limits.maxDocumentEntriesTotal };
  for (const metadataName of subsets) {
    const outcome = await validateSubset(metadataName, reader, { findings, identities, documents, intendedRecipients }, limits, entryBudget);
    // The subsets after the one where the archive's budget ran out are not read at all.
    if (outcome === 'budget-spent') break;
  }
  return { result: { findings, identities, documents }, intendedRecipients, ...(reader.sharedSpentAt ? { sharedBudgetSpentAt: reader.sharedSpentAt } : {}) };
}

interface SubsetOutputs {
  findings: ArtefactFinding[];
  identities: PatientIdentity[];
  documents: CdaDocumentFacts[];
  intendedRecipients: string[];
}

/**
 * Checks one subset. `entryBudget.left`: document entries the archive may still check (limits
 * `maxDocumentEntriesTotal`); spent here, and `budget-spent` when this subset listed more.
 */
async function validateSubset(metadataName: string, reader: EntryReader, outputs: SubsetOutputs, limits: XdmLimits, entryBudget: { left: number }): Promise<'budget-spent' | undefined> {
  const { findings, identities, documents } = outputs;
  const metadataBytes = await reader.bytes(metadataName);
  if (!metadataBytes) return;
  // ebRIM elements are named by local name in their namespace; any other namespace does not count.
  const outcome = readXml(metadataBytes, { homeNamespace: XDS_NAMESPACES.rim });
  if (outcome.status !== 'ok') {
    const fault = outcome.status === 'fault-after-tree' ? outcome.fault : outcome;
    findings.push(inEntry(readProblemFinding('xds', fault), metadataName));
    return;
  }
  if (!isXdsRoot(outcome.root)) {
    findings.push({ rule: 'xdm/metadata-namespace', severity: 'error', args: { entry: metadataName, root: displayName(outcome.root.name), namespace: outcome.root.namespace || '∅' }, location: metadataName });
    return;
  }
  const metadata = readXdsMetadata(outcome.root);
  if (metadata.documentEntries.length === 0) {
    findings.push({ rule: 'xdm/no-document-entry', severity: 'error', args: { entry: metadataName }, location: metadataName });
    return;
  }
  // Each cap is named only when it is the one that stops the checks.
  const declared = metadata.documentEntries.length;
  const checked = Math.min(declared, limits.maxDocumentEntries, entryBudget.left);
  const budgetSpent = checked < Math.min(declared, limits.maxDocumentEntries);
  if (budgetSpent) {
    findings.push({ rule: 'xdm/document-entry-budget', severity: 'error', args: { entry: metadataName, max: limits.maxDocumentEntriesTotal }, location: metadataName });
  } else if (declared > limits.maxDocumentEntries) {
    findings.push({ rule: 'xdm/too-many-document-entries', severity: 'error', args: { entry: metadataName, count: declared, max: limits.maxDocumentEntries }, location: metadataName });
  }
  entryBudget.left -= checked;
  const subsetDir = metadataName.slice(0, metadataName.lastIndexOf('/') + 1);
  let firstIdentity: PatientIdentity | undefined;
  for (const entry of metadata.documentEntries.slice(0, checked)) {
    const identity = await validateDocumentEntry({ metadataName, subsetDir, entry, reader, findings, identities, documents });
    firstIdentity ??= identity;
  }
  appendAll(outputs.intendedRecipients, (metadata.submissionSet?.slots.get('intendedRecipient') ?? []).flatMap(recipientAddresses));
  if (!metadata.submissionSet) {
    findings.push({ rule: 'xdm/no-submission-set', severity: 'error', args: { entry: metadataName }, location: metadataName });
  } else if (firstIdentity) {
    const report = new EntryReport(patientIdRule, metadataName);
    checkPatientId(report, metadata.submissionSet, XDS_SCHEMES.submissionSetPatientId, firstIdentity, 'SubmissionSet.patientId');
    appendAll(findings, report.findings);
  }
  return budgetSpent ? 'budget-spent' : undefined;
}

interface EntryRun {
  metadataName: string;
  subsetDir: string;
  entry: XdsObject;
  reader: EntryReader;
  findings: ArtefactFinding[];
  identities: PatientIdentity[];
  documents: CdaDocumentFacts[];
}

/** Checks one document entry; returns the INS of its CDA (for the submission set's patientId). */
async function validateDocumentEntry(run: EntryRun): Promise<PatientIdentity | undefined> {
  const { metadataName, entry, findings } = run;
  const at = { location: `${metadataName}:${pathOf(entry.node)}` };
  const uri = entry.slots.get('URI')?.[0];
  if (!uri) {
    findings.push({ rule: 'xdm/uri-missing', severity: 'error', args: {}, ...at });
    return undefined;
  }
  const name = uri.includes('/') || uri.includes('\\') ? undefined : run.reader.find(run.subsetDir + uri);
  if (!name) {
    findings.push({ rule: 'xdm/uri-not-found', severity: 'error', args: { uri, subset: run.subsetDir }, location: `${at.location}/Slot[@name='URI']` });
    return undefined;
  }
  let file: XdmFile | undefined;
  let cda: CdaFacts | undefined;
  let identity: PatientIdentity | undefined;
  if (isXml(entry, uri)) {
    const validated = await run.reader.validatedCda(name);
    if (!validated) return undefined;
    file = validated.file;
    if (validated.first) {
      appendAll(findings, validated.result.findings.map((finding) => inEntry(finding, name)));
      appendAll(run.identities, validated.result.identities.map((found) => ({ ...found, location: `${name}:${found.location ?? ''}` })));
      appendAll(run.documents, (validated.result.documents ?? []).map((document) => ({ ...document, location: name })));
    }
    cda = validated.facts;
    identity = validated.result.identities[0];
  } else {
    file = await run.reader.file(name);
    if (!file) return undefined;
  }
  appendAll(findings, runEntryRules({ metadataName, entry, file, ...(cda ? { cda } : {}), ...(identity ? { identity } : {}) }));
  return identity;
}

/** Every entry rule; one that throws costs a finding, never the archive's other checks. */
function runEntryRules(facts: XdmEntryFacts): ArtefactFinding[] {
  const findings: ArtefactFinding[] = [];
  for (const rule of XDM_RULES) {
    try {
      appendAll(findings, rule.check(facts));
    } catch (error) {
      findings.push({ rule: 'xdm/rule-crashed', severity: 'error', args: { rule: rule.code, detail: error instanceof Error ? error.message : String(error) } });
    }
  }
  return findings;
}

/**
 * E-mail addresses of one `intendedRecipient` value, `XON|XCN|XTN`: the XTN component's
 * subcomponents after the `Internet` type (`^^Internet^dr.essai@hopital.mssante.fr`).
 */
function recipientAddresses(value: string): string[] {
  const telecom = value.split('|')[2];
  if (!telecom) return [];
  const parts = telecom.split('^');
  const address = parts[2] === 'Internet' ? parts[3]?.trim() : undefined;
  return address ? [address] : [];
}

function isXml(entry: XdsObject, uri: string): boolean {
  const mimeType = entry.node.attrs.mimeType?.toLowerCase();
  return mimeType === 'text/xml' || mimeType === 'application/xml' || /\.xml$/i.test(uri);
}

/** A finding located inside the archive: the entry name prefixes its location (lines would point into the zip). */
function inEntry(finding: ArtefactFinding, entryName: string): ArtefactFinding {
  return { rule: finding.rule, severity: finding.severity, args: finding.args, location: finding.location ? `${entryName}:${finding.location}` : entryName };
}
