// The plug point between the bundle/engine and the artefact validators (CDA, INS, XDM, EML, EVS).
// A validator reads one file (already resolved safely inside the bundle) and returns findings plus
// the facts other checks need (patient identities for the cross-artefact INS check).
import type { MessageArgs } from '../messages/index.js';
import type { Severity } from '../engine/finding.js';

export const ARTEFACT_KINDS = [
  'screenshot',
  'video',
  'cda',
  'ins',
  'xdm',
  'eml',
  'evs-report',
  'pdf',
  'log',
  'document',
] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/** Kinds that hold CDA documents the CI-SIS volet rules (--cisis) apply to: alone, inside an IHE XDM archive, or an MSSanté message carrying one. */
export const CDA_CARRIERS: ReadonlySet<string> = new Set<ArtefactKind>(['cda', 'xdm', 'eml']);

export interface ArtefactFinding {
  rule: string;
  /** Message catalog key when it is not the rule code (codes built from data: `cisis/<volet>/<pattern>`). */
  messageKey?: string;
  severity: Severity;
  args: MessageArgs;
  /** XPath-like node path (`/ClinicalDocument/recordTarget/patientRole/id[1]`) or archive entry. */
  location?: string;
  line?: number;
  column?: number;
}

/** A patient's INS and its traits as one artefact states them (for the cross-artefact check). */
export interface PatientIdentity {
  /** 15 characters: 13-character body + 2-digit key. */
  ins: string;
  oid: string;
  birthFamilyName?: string;
  firstBirthGivenName?: string;
  /** `M`, `F` or `U`. */
  sex?: string;
  /** `YYYYMMDD`. */
  birthDate?: string;
  /** COG code of the birthplace (5 characters). */
  birthplace?: string;
  /** Where in the file the identity was read. */
  location?: string;
  /** Former INS of the same person (INSi `INSHISTO`), replaced by `ins`. */
  historicalIns?: string[];
}

export interface ArtefactInput {
  /** Absolute path on disk, already checked to lie inside the bundle. */
  absolutePath: string;
  /** Path shown to users (bundle-relative for `check`, as given for `validate`). */
  displayPath: string;
  kind: ArtefactKind;
  /** Bytes, when known: spreads the work over the worker pool by size, not only by count. */
  size?: number;
  /**
   * Inside a bundle: the bundle's real root (the file is opened without following a link and must
   * lie inside) and the SHA-256 recorded when the file was hashed (the validated bytes must be
   * those bytes: a file swapped during the run is reported, never validated in place of the original).
   */
  bundle?: { realRoot: string; sha256: string };
  /** CI-SIS content rules to run on CDA documents (`--cisis`): compiled packs' folder, forced volet, CDA XSD (`--xsd`). */
  cisis?: { packDir: string; volet?: string; xsd?: string };
}

export interface ArtefactResult {
  findings: ArtefactFinding[];
  identities: PatientIdentity[];
  /** Header facts a reviewer glances at (CDA documents): shown by the HTML report, never judged. */
  header?: DocumentHeaderFacts;
  /**
   * The document a validation report (Gazelle EVS) says it validated, when it names or embeds it:
   * the engine matches it against the CDA documents of the same requirement (engine/evs-match.ts).
   */
  validatedDocument?: ValidatedDocumentRef;
  /** A validation report's own facts (EVS): result, validator name and version. */
  evsReport?: EvsReportFacts;
  /** The CDA documents the file is or carries (a CDA, those of an XDM archive or of a message). */
  documents?: CdaDocumentFacts[];
  /** What an MSSanté message carries, for the checks that need the proof (engine/message-proof.ts). */
  message?: MessageFacts;
}

/** Raw values as the document states them (the INS unmasked: masking is the report's job). */
export interface DocumentHeaderFacts {
  /** `code — displayName` of the document type (LOINC). */
  type?: string;
  title?: string;
  patientIns?: string;
  author?: string;
  /** `YYYY-MM-DD hh:mm ±zzzz`, as precise as written. */
  date?: string;
}

export interface ValidatedDocumentRef {
  /** File name as submitted to the validator. */
  fileName?: string;
  /** `root` or `root^extension` of the embedded ClinicalDocument's id. */
  documentId?: string;
  /** `root` or `root^extension` of the embedded document's setId. */
  setId?: string;
  /** The embedded document's title. */
  title?: string;
  /** Lower-case hex SHA-256 of the validated bytes, when the report embeds them (base64). */
  sha256?: string;
  /** SHA-256 of the embedded document's XML text (cda/text-digest.ts), when it is a CDA. */
  textSha256?: string;
}

export interface EvsReportFacts {
  /** Upper-cased: PASSED, FAILED, UNDEFINED, ABORTED (or whatever the report says). */
  result?: string;
  /** `service (validatorID)` as the report names it. */
  validator?: string;
  validatorVersion?: string;
}

/** The header facts that identify a CDA document (results cross worker threads: plain data). */
export interface CdaDocumentFacts {
  /** `root`, or `root^extension` when there is an extension. */
  id?: string;
  /** `root`, or `root^extension`. */
  setId?: string;
  title?: string;
  /** `code/@code` (document type). */
  code?: string;
  /** Lower-case hex SHA-256 of the document's bytes. */
  sha256: string;
  /** SHA-256 of the document's XML text (encoding, BOM, line endings aside: cda/text-digest.ts). */
  textSha256?: string;
  /** Where in the file the document lies (archive entry, attachment); absent for a CDA file itself. */
  location?: string;
}

export interface MessageFacts {
  /** Attachments (every part that is not a body text part). */
  attachments: number;
  /** Attachments read as IHE XDM archives. */
  xdmArchives: number;
  /** The `X-MSS-NIL` header value, trimmed (Référentiel socle MSSanté #2, ECO.2.4.3). */
  nil?: string;
}

export interface ArtefactValidator {
  kind: ArtefactKind;
  /** Largest file this validator reads, in bytes (larger ones get a finding, unread). */
  maxBytes: number;
  /** `bytes`: the whole file, read once through the safe open (artefacts/read-artefact.ts). */
  validate(bytes: Buffer, input: ArtefactInput): Promise<ArtefactResult>;
}
