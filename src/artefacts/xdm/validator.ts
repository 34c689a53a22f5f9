// IHE XDM validator (artefact-rules.md section 3): archive limits before inflating, layout, then for
// each subset its METADATA.XML against the files it lists and the CDA documents they are. Embedded
// CDAs also go through the CDA validator; their findings and identities carry the entry name.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtefactFinding, ArtefactResult, ArtefactValidator, PatientIdentity } from '../types.js';
import { readXmlFile } from '../xml/read-xml.js';
import { pathOf } from '../xml/node.js';
import { readCdaFile } from '../cda/read-cda.js';
import { validateCdaFile } from '../cda/validator.js';
import { openXdmArchive, type XdmArchive, type XdmLimits } from './open-archive.js';
import { extractEntry, type ExtractedEntry } from './extract.js';
import { readXdsMetadata, XDS_SCHEMES, type XdsObject } from './metadata.js';
import { cdaFacts, type CdaFacts } from './cda-facts.js';
import { XDM_RULES } from './rules/index.js';
import { EntryReport, type XdmEntryFacts } from './rules/rule.js';
import { checkPatientId, patientIdRule } from './rules/patient-id.js';

export const xdmValidator: ArtefactValidator = {
  kind: 'xdm',
  validate: (input) => validateXdmFile(input.absolutePath),
};

/** Findings decided on the archive, its layout or its metadata, outside the entry rules (rules/index.ts). */
export const ARCHIVE_CODES = [
  'xdm/not-a-zip',
  'xdm/too-many-entries',
  'xdm/too-large',
  'xdm/entry-too-large',
  'xdm/unsafe-entry-name',
  'xdm/encrypted',
  'xdm/entry-unreadable',
  'xdm/layout',
  'xdm/no-metadata',
  'xdm/metadata-unreadable',
  'xdm/no-document-entry',
  'xdm/no-submission-set',
  'xdm/uri-missing',
  'xdm/uri-not-found',
  'xdm/rule-crashed',
] as const;

const METADATA = /^IHE_XDM\/([^/]+)\/METADATA\.XML$/i;
const ROOT_FILES = ['INDEX.HTM', 'README.TXT'];

export async function validateXdmFile(path: string, limits?: XdmLimits): Promise<ArtefactResult> {
  const opened = await openXdmArchive(path, limits);
  if (opened.status === 'refused') return { findings: [opened.finding], identities: [] };
  const workDir = mkdtempSync(join(tmpdir(), 'segur-xdm-'));
  try {
    return await validateArchive(opened.archive, workDir);
  } finally {
    opened.archive.zip.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function validateArchive(archive: XdmArchive, workDir: string): Promise<ArtefactResult> {
  const findings: ArtefactFinding[] = [];
  const identities: PatientIdentity[] = [];
  const names = [...archive.entries.keys()];
  for (const required of ROOT_FILES) {
    if (!names.some((name) => name.toUpperCase() === required)) {
      findings.push({ rule: 'xdm/layout', severity: 'warning', args: { entry: required }, location: required });
    }
  }
  const subsets = names.filter((name) => METADATA.test(name)).sort();
  if (subsets.length === 0) {
    findings.push({ rule: 'xdm/no-metadata', severity: 'error', args: {} });
    return { findings, identities };
  }
  const extractor = new Extractor(archive, workDir, findings);
  for (const metadataName of subsets) {
    await validateSubset(metadataName, extractor, findings, identities);
  }
  return { findings, identities };
}

async function validateSubset(metadataName: string, extractor: Extractor, findings: ArtefactFinding[], identities: PatientIdentity[]): Promise<void> {
  const metadataFile = await extractor.extract(metadataName);
  if (!metadataFile) return;
  const outcome = readXmlFile(metadataFile.path);
  if (outcome.status !== 'ok') {
    findings.push({ rule: 'xdm/metadata-unreadable', severity: 'error', args: { entry: metadataName, detail: outcome.status }, location: metadataName });
    return;
  }
  const metadata = readXdsMetadata(outcome.root);
  if (metadata.documentEntries.length === 0) {
    findings.push({ rule: 'xdm/no-document-entry', severity: 'error', args: { entry: metadataName }, location: metadataName });
    return;
  }
  const subsetDir = metadataName.slice(0, metadataName.lastIndexOf('/') + 1);
  let firstIdentity: PatientIdentity | undefined;
  for (const entry of metadata.documentEntries) {
    const identity = await validateDocumentEntry({ metadataName, subsetDir, entry, extractor, findings, identities });
    firstIdentity ??= identity;
  }
  if (!metadata.submissionSet) {
    findings.push({ rule: 'xdm/no-submission-set', severity: 'error', args: { entry: metadataName }, location: metadataName });
  } else if (firstIdentity) {
    const report = new EntryReport(patientIdRule, metadataName);
    checkPatientId(report, metadata.submissionSet, XDS_SCHEMES.submissionSetPatientId, firstIdentity, 'SubmissionSet.patientId');
    findings.push(...report.findings);
  }
}

interface EntryRun {
  metadataName: string;
  subsetDir: string;
  entry: XdsObject;
  extractor: Extractor;
  findings: ArtefactFinding[];
  identities: PatientIdentity[];
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
  const name = uri.includes('/') || uri.includes('\\') ? undefined : run.extractor.find(run.subsetDir + uri);
  if (!name) {
    findings.push({ rule: 'xdm/uri-not-found', severity: 'error', args: { uri, subset: run.subsetDir }, location: `${at.location}/Slot[@name='URI']` });
    return undefined;
  }
  const file = await run.extractor.extract(name);
  if (!file) return undefined;
  let cda: CdaFacts | undefined;
  let identity: PatientIdentity | undefined;
  if (isXml(entry, uri)) {
    const validated = validateCdaFile(file.path);
    findings.push(...validated.findings.map((finding) => inEntry(finding, name)));
    run.identities.push(...validated.identities.map((found) => ({ ...found, location: `${name}:${found.location ?? ''}` })));
    const read = readCdaFile(file.path);
    if (read.status === 'cda') {
      cda = cdaFacts(read.document.root);
      identity = validated.identities[0];
    }
  }
  findings.push(...runEntryRules({ metadataName, entry, file, ...(cda ? { cda } : {}), ...(identity ? { identity } : {}) }));
  return identity;
}

/** Every entry rule; one that throws costs a finding, never the archive's other checks. */
function runEntryRules(facts: XdmEntryFacts): ArtefactFinding[] {
  const findings: ArtefactFinding[] = [];
  for (const rule of XDM_RULES) {
    try {
      findings.push(...rule.check(facts));
    } catch (error) {
      findings.push({ rule: 'xdm/rule-crashed', severity: 'error', args: { rule: rule.code, detail: error instanceof Error ? error.message : String(error) } });
    }
  }
  return findings;
}

function isXml(entry: XdsObject, uri: string): boolean {
  const mimeType = entry.node.attrs.mimeType?.toLowerCase();
  return mimeType === 'text/xml' || mimeType === 'application/xml' || /\.xml$/i.test(uri);
}

/** A CDA finding located inside the archive: the entry name prefixes its location (lines would point into the zip). */
function inEntry(finding: ArtefactFinding, entryName: string): ArtefactFinding {
  return { rule: finding.rule, severity: finding.severity, args: finding.args, location: `${entryName}:${finding.location ?? ''}` };
}

/** Extracts entries on demand into the work folder; a failure is one finding and `undefined`. */
class Extractor {
  private count = 0;
  private readonly done = new Map<string, ExtractedEntry | undefined>();

  constructor(
    private readonly archive: XdmArchive,
    private readonly workDir: string,
    private readonly findings: ArtefactFinding[],
  ) {}

  /** The archive name for `wanted`, exact or differing only in case (archives made on FAT disks). */
  find(wanted: string): string | undefined {
    if (this.archive.entries.has(wanted)) return wanted;
    const upper = wanted.toUpperCase();
    return [...this.archive.entries.keys()].find((name) => name.toUpperCase() === upper);
  }

  async extract(name: string): Promise<ExtractedEntry | undefined> {
    if (this.done.has(name)) return this.done.get(name);
    const entry = this.archive.entries.get(name)!;
    let result: ExtractedEntry | undefined;
    if (entry.isEncrypted()) {
      this.findings.push({ rule: 'xdm/encrypted', severity: 'error', args: { entry: name }, location: name });
    } else {
      try {
        result = await extractEntry(this.archive.zip, entry, join(this.workDir, `entry-${++this.count}`));
      } catch (error) {
        this.findings.push({ rule: 'xdm/entry-unreadable', severity: 'error', args: { entry: name, detail: (error as Error).message }, location: name });
      }
    }
    this.done.set(name, result);
    return result;
  }
}
