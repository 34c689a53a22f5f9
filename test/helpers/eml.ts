// Messages for the eml tests: the committed fixtures with header fields replaced, removed or added,
// and small messages written inline; and the rule facts of a message (split, then built), as the
// validator builds them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFacts, type EmlFacts } from '../../src/artefacts/eml/facts.js';
import { EML_LIMITS } from '../../src/artefacts/eml/limits.js';
import { splitMessage } from '../../src/artefacts/eml/split-message.js';

export const emlFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/eml/${name}`, import.meta.url));

export interface HeaderEdit {
  /** Header names removed (every instance). */
  remove?: string[];
  /** Fields appended to the message's header block, in order (a value may be raw bytes). */
  add?: Array<[string, string | Buffer]>;
}

/** A fixture message with its top-level header block edited (the fixtures are ASCII). */
export function editedFixture(name: string, edit: HeaderEdit = {}): Buffer {
  const text = readFileSync(emlFixture(name), 'latin1');
  const end = text.indexOf('\r\n\r\n');
  const removed = new Set((edit.remove ?? []).map((header) => header.toLowerCase()));
  const kept = text
    .slice(0, end)
    .split('\r\n')
    .filter((line) => !removed.has(line.slice(0, line.indexOf(':')).toLowerCase()));
  // The root part's own fields (Content-Type…) stay last; added fields go before them.
  const contentAt = kept.findIndex((line) => /^content-/i.test(line));
  const at = contentAt < 0 ? kept.length : contentAt;
  const added = (edit.add ?? []).map(([header, value]) => `${header}: ${Buffer.isBuffer(value) ? value.toString('latin1') : value}`);
  return Buffer.from([...kept.slice(0, at), ...added, ...kept.slice(at)].join('\r\n') + text.slice(end), 'latin1');
}

/** `valid-professional.eml` with `replace` fields set (each removed first, then added). */
export function professional(replace: Record<string, string | Buffer> = {}, remove: string[] = []): Buffer {
  return editedFixture('valid-professional.eml', { remove: [...Object.keys(replace), ...remove], add: Object.entries(replace) });
}

/** `valid-text-only.eml` (no attachment) likewise. */
export function textOnly(replace: Record<string, string | Buffer> = {}, remove: string[] = []): Buffer {
  return editedFixture('valid-text-only.eml', { remove: [...Object.keys(replace), ...remove], add: Object.entries(replace) });
}

/** `valid-patient.eml` likewise. */
export function patient(replace: Record<string, string | Buffer> = {}, remove: string[] = []): Buffer {
  return editedFixture('valid-patient.eml', { remove: [...Object.keys(replace), ...remove], add: Object.entries(replace) });
}

/** A small message: the usual RFC 5322 fields, then `fields` (root part fields included), a blank line and `body`. */
export function mail(fields: Array<string | Buffer> = ['Content-Type: text/plain; charset=utf-8'], body: string | Buffer = 'Bonjour\r\n'): Buffer {
  const head = [
    'From: Dr Paul ESSAI <paul.essai@hopital-essai.mssante.fr>',
    'To: claire.destinataire@cabinet-essai.mssante.fr',
    'Date: Mon, 15 Jan 2024 10:35:00 +0100',
    'Message-ID: <essai-1@hopital-essai.mssante.fr>',
    'Subject: Essai',
    'X-MSS-NIL: ESSAI-000417',
  ];
  const lines = [...head.map((line) => Buffer.from(line)), ...fields.map((field) => (Buffer.isBuffer(field) ? field : Buffer.from(field)))];
  return Buffer.concat([...lines.flatMap((line) => [line, Buffer.from('\r\n')]), Buffer.from('\r\n'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

export async function factsOf(bytes: Buffer): Promise<EmlFacts> {
  const split = await splitMessage(bytes, EML_LIMITS);
  if (split.status !== 'ok') throw new Error(`message refused: ${split.finding.rule}`);
  return buildFacts(split.parts, bytes.length);
}

/** Each defect fixture and the one finding it raises (scripts/fixtures/eml.ts). */
export const EML_DEFECTS: Record<string, string> = {
  'bad-address.eml': 'eml/address-format:error',
  'bad-date.eml': 'eml/date-format:error',
  'bad-message-id.eml': 'eml/message-id-format:warning',
  'codecda-missing.eml': 'eml/x-mss-codecda-missing:warning',
  'codecda-unexpected.eml': 'eml/x-mss-codecda-unexpected:error',
  'codecda-wrong.eml': 'eml/x-mss-codecda:error',
  'duplicate-subject.eml': 'eml/duplicate-header:error',
  'header-latin1.eml': 'eml/header-encoding:error',
  'header-unknown-charset.eml': 'eml/header-charset:warning',
  'ins-missing.eml': 'eml/x-mss-ins-missing:warning',
  'ins-unexpected.eml': 'eml/x-mss-ins-unexpected:error',
  'ins-wrong.eml': 'eml/x-mss-ins:error',
  'intended-recipient.eml': 'eml/intended-recipient:warning',
  'mes-no-patient.eml': 'eml/x-mss-mes-no-patient:warning',
  'mes-wrong.eml': 'eml/x-mss-mes:error',
  'missing-date.eml': 'eml/missing-header:error',
  'missing-message-id.eml': 'eml/missing-recommended-header:warning',
  'nil-missing.eml': 'eml/x-mss-nil-missing:warning',
  'patient-address-bad-key.eml': 'eml/patient-address:error',
  'patient-address-other-ins.eml': 'eml/patient-address-ins:error',
  'text-invalid-utf8.eml': 'eml/text-invalid-bytes:error',
  'text-latin1.eml': 'eml/text-not-utf8:warning',
  'text-unknown-charset.eml': 'eml/text-unknown-charset:warning',
  'unknown-transfer-encoding.eml': 'eml/transfer-encoding:error',
  'xdm-octet-stream.eml': 'eml/attachment-content-type:warning',
  'xdm-renamed.eml': 'eml/xdm-attachment-name:warning',
  'xdm-wrong-hash.eml': 'xdm/hash:error',
};
