// What the message rules look at (rules/), built once per message from its split parts: root header
// fields and their strictly decoded text, parsed address headers, body text parts and attachments
// with their transfer-decoded bytes, and each attached IHE XDM archive validated (xdm/validator.ts)
// with the CDA documents and identities it holds.
import { sniff, bufferSource } from '../../bundle/sniff.js';
import type { ArtefactFinding, ArtefactInput, CdaDocumentFacts, PatientIdentity } from '../types.js';
import { validateXdmArchive, type XdmArchiveOutcome } from '../xdm/validator.js';
import { ByteBudget, proportionalBudget } from '../../io/zip-directory.js';
import { EML_XDM_LIMITS, type EmlXdmLimits } from './limits.js';
import { parseAddressList, type AddressList, type Mailbox } from './addresses.js';
import { decodeWords, headerText, rawHeaderText, type HeaderProblem, type HeaderText } from './header-text.js';
import { parseParams } from './header-params.js';
import type { HeaderField, RawPart } from './split-message.js';
import { decodeTransfer } from './transfer-decode.js';

/** Headers holding addresses (RFC 5322 §3.6.2-3). */
export const ADDRESS_HEADERS = ['from', 'sender', 'reply-to', 'to', 'cc', 'bcc'] as const;
/** Where recipients are named. */
export const RECIPIENT_HEADERS = ['to', 'cc', 'bcc'] as const;
/** Mon espace santé's patient mailboxes: `<INS>@patient.mssante.fr` (Réf. socle MSSanté #2, ECO.2.2.6). */
export const PATIENT_DOMAIN = 'patient.mssante.fr';

export interface PartFacts {
  /** IMAP-style number, shown as `partie 1.2`. */
  number: string;
  contentType: string;
  /** `charset` parameter as written (text parts). */
  charset?: string;
  /** `filename` (Content-Disposition) or `name` (Content-Type) parameter, decoded. */
  name?: string;
  disposition?: string;
  /** Transfer-decoded bytes; undefined when the transfer encoding could not be decoded. */
  bytes?: Buffer;
  transferEncoding: string;
  transferProblem?: 'unknown-encoding' | 'invalid-base64';
}

export interface AttachmentFacts extends PartFacts {
  /** What the content is (bundle/sniff.ts: `PDF`, `ZIP`, `ZIP IHE_XDM`, `XML ClinicalDocument`…). */
  format?: string;
  /** How findings inside it are located: its name, or `partie N`. */
  label: string;
}

export interface XdmAttachment {
  attachment: AttachmentFacts;
  outcome: XdmArchiveOutcome;
  /** Every document entry was read: its CDA codes and identities are the whole truth. */
  complete: boolean;
}

export interface HeaderDecodingProblem {
  header: string;
  /** Part number for a part's header (`Content-Type` parameters); empty for the message's. */
  part: string;
  problem: HeaderProblem;
}

export interface EmlFacts {
  /** The message's own header fields, in order. */
  headers: HeaderField[];
  /** Header fields of the message named `key` (lower case). */
  fields(key: string): HeaderField[];
  /** A root field's text, raw bytes decoded as UTF-8 (encoded words left as written). */
  text(field: HeaderField): HeaderText;
  headerProblems: HeaderDecodingProblem[];
  /** Each address field, parsed (only fields whose bytes decode). */
  addresses: { field: HeaderField; list: AddressList }[];
  /** Mailboxes of To, Cc and Bcc, with the header naming each. */
  recipients: { header: string; mailbox: Mailbox }[];
  textParts: PartFacts[];
  attachments: AttachmentFacts[];
  xdm: XdmAttachment[];
  /** Every CDA of the attached archives, located inside the message. */
  documents: CdaDocumentFacts[];
  identities: PatientIdentity[];
  /** Every attached archive was read whole. */
  documentsComplete: boolean;
  /** The inflation budget all the attached archives shared, in bytes. */
  xdmBudgetBytes: number;
}

/**
 * Findings of an archive whose document list is partial or unknown: not opened, metadata missing,
 * unreadable or listing nothing, an entry or a CDA unread. Then "no CDA attached" cannot be said.
 */
const UNREAD =
  /^(xdm\/(not-a-zip|too-many-entries|too-large|entry-too-large|unsafe-entry-name|duplicate-entry|encrypted|entry-unreadable|crc-mismatch|no-metadata|metadata-namespace|no-document-entry|uri-missing|uri-not-found|too-many-document-entries|document-entry-budget|inflation-budget)|xds\/.+|cda\/(doctype|not-well-formed|encoding|unknown-encoding|too-large|too-complex|not-cda|namespace))$/;

/**
 * `parts`: every part of the message, root first (split-message.ts); `messageBytes`: the message's
 * length, what its archives' inflation budget is proportional to.
 */
export async function buildFacts(parts: RawPart[], messageBytes: number, xdmLimits: EmlXdmLimits = EML_XDM_LIMITS, cisis?: ArtefactInput['cisis']): Promise<EmlFacts> {
  const root = parts[0]!;
  const headers = root.headers;
  const headerProblems: HeaderDecodingProblem[] = [];
  const texts = new Map<HeaderField, HeaderText>();
  for (const field of headers) {
    // Subject is unstructured text (RFC 5322 §3.6.5): its encoded words are decoded too.
    const text = field.key === 'subject' ? headerText(field.raw) : rawHeaderText(field.raw);
    texts.set(field, text);
    if (!text.ok) headerProblems.push({ header: field.name, part: '', problem: text.problem });
  }
  const text = (field: HeaderField): HeaderText => texts.get(field) ?? rawHeaderText(field.raw);

  const addresses: EmlFacts['addresses'] = [];
  const recipients: EmlFacts['recipients'] = [];
  for (const field of headers.filter((candidate) => (ADDRESS_HEADERS as readonly string[]).includes(candidate.key))) {
    const decoded = text(field);
    if (!decoded.ok) continue;
    const list = parseAddressList(decoded.text);
    addresses.push({ field, list });
    if (!list.ok) continue;
    for (const mailbox of list.mailboxes) {
      const name = mailbox.name === undefined ? undefined : decodeWords(mailbox.name);
      if (name && !name.ok) headerProblems.push({ header: field.name, part: '', problem: name.problem });
      if ((RECIPIENT_HEADERS as readonly string[]).includes(field.key)) recipients.push({ header: field.name, mailbox });
    }
  }

  const textParts: PartFacts[] = [];
  const attachments: AttachmentFacts[] = [];
  for (const part of parts.filter((candidate) => !candidate.multipart)) {
    const facts = partFacts(part, headerProblems);
    if (isBodyText(facts)) textParts.push(facts);
    else attachments.push({ ...facts, label: facts.name ?? `partie ${facts.number}`, ...(facts.bytes ? { format: (await sniff(bufferSource(facts.bytes))).format } : {}) });
  }

  const xdm: XdmAttachment[] = [];
  const xdmBudget = new ByteBudget(proportionalBudget(messageBytes, { ratio: xdmLimits.inflationRatio, minBytes: xdmLimits.minInflationBytes, maxBytes: xdmLimits.maxInflationBytes }));
  for (const attachment of attachments) {
    if (!attachment.bytes || !(isXdmName(attachment.name) || attachment.format === 'ZIP IHE_XDM')) continue;
    const outcome = await validateXdmArchive(attachment.bytes, xdmLimits.archive, { sharedBudget: xdmBudget, ...(cisis ? { cisis } : {}) });
    const complete = outcome.sharedBudgetSpentAt === undefined && !outcome.result.findings.some((finding) => UNREAD.test(finding.rule));
    xdm.push({ attachment, outcome, complete });
  }
  return {
    headers,
    fields: (key) => headers.filter((field) => field.key === key),
    text,
    headerProblems,
    addresses,
    recipients,
    textParts,
    attachments,
    xdm,
    documents: xdm.flatMap(({ attachment, outcome }) => (outcome.result.documents ?? []).map((document) => inAttachment(document, attachment.label))),
    identities: xdm.flatMap(({ attachment, outcome }) => outcome.result.identities.map((identity) => inAttachment(identity, attachment.label))),
    documentsComplete: xdm.every((archive) => archive.complete),
    xdmBudgetBytes: xdmBudget.limit,
  };
}

/** Text shown to the reader of the message (RFC 2183: not an attachment) rather than a file. */
function isBodyText(part: PartFacts): boolean {
  return (part.contentType === 'text/plain' || part.contentType === 'text/html') && part.disposition !== 'attachment' && part.name === undefined;
}

export function isXdmName(name: string | undefined): boolean {
  return name !== undefined && name.toUpperCase() === 'IHE_XDM.ZIP';
}

function partFacts(part: RawPart, problems: HeaderDecodingProblem[]): PartFacts {
  const field = (key: string) => part.headers.find((candidate) => candidate.key === key);
  const type = parseParams(field('content-type')?.raw ?? '');
  const disposition = parseParams(field('content-disposition')?.raw ?? '');
  for (const [header, parsed] of [['Content-Type', type], ['Content-Disposition', disposition]] as const) {
    if (parsed.problem) problems.push({ header, part: part.number, problem: parsed.problem });
  }
  const name = disposition.params.get('filename') ?? type.params.get('name');
  const decoded = decodeTransfer(part.body, part.transferEncoding);
  return {
    number: part.number,
    contentType: part.contentType,
    ...(type.params.has('charset') ? { charset: type.params.get('charset')! } : {}),
    ...(name !== undefined && name !== '' ? { name } : {}),
    ...(disposition.value ? { disposition: disposition.value } : {}),
    transferEncoding: part.transferEncoding,
    ...(decoded.ok ? { bytes: decoded.bytes } : { transferProblem: decoded.problem }),
  };
}

function inAttachment<T extends { location?: string }>(value: T, label: string): T {
  return { ...value, location: `${label}:${value.location ?? ''}` };
}

/** A finding of an attached archive, located inside the message (`IHE_XDM.ZIP:IHE_XDM/…`). */
export function attachmentFinding(finding: ArtefactFinding, label: string): ArtefactFinding {
  return { ...finding, location: `${label}:${finding.location ?? ''}` };
}
