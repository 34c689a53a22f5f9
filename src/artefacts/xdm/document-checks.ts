// Section 3 checks of one XDS document entry against its file and, for a CDA, against the header:
// URI/hash/size, uniqueId, patientId, typeCode, confidentialityCode, languageCode, title,
// creationTime, service times and author. Each check is one finding code (`xdm/...`).
import type { ArtefactFinding, PatientIdentity } from '../types.js';
import { pathOf } from '../xml/node.js';
import type { CdaFacts } from './cda-facts.js';
import type { ExtractedEntry } from './extract.js';
import { classificationsOf, XDS_SCHEMES, type XdsObject } from './metadata.js';

/** Shown for a missing value (language-neutral, as the CDA rules do). */
const ABSENT = '∅';

export interface EntryContext {
  /** Archive name of METADATA.XML: prefix of every location. */
  metadataName: string;
  entry: XdsObject;
  uri: string;
}

export class EntryReport {
  readonly findings: ArtefactFinding[] = [];

  constructor(private readonly context: Pick<EntryContext, 'metadataName' | 'entry'>) {}

  /** `element` is a step below the entry (`Slot[@name='hash']`) or empty for the entry itself. */
  add(rule: string, element: string, args: ArtefactFinding['args'], object: XdsObject = this.context.entry): void {
    const path = pathOf(object.node) + (element ? `/${element}` : '');
    this.findings.push({ rule, severity: 'error', args, location: `${this.context.metadataName}:${path}` });
  }

  compare(rule: string, element: string, expected: string | undefined, found: string | undefined, accept = (value: string) => value === expected): void {
    if (expected === undefined) return;
    if (found !== undefined && accept(found)) return;
    this.add(rule, element, { element: elementName(element), expected, found: found ?? ABSENT });
  }
}

export function checkFile(report: EntryReport, context: EntryContext, file: ExtractedEntry): void {
  const slot = (name: string) => context.entry.slots.get(name)?.[0];
  report.compare('xdm/hash', "Slot[@name='hash']", file.sha1, slot('hash'));
  report.compare('xdm/size', "Slot[@name='size']", String(file.size), slot('size'));
}

export function checkAgainstCda(report: EntryReport, context: EntryContext, facts: CdaFacts): void {
  const { entry } = context;
  const slot = (name: string) => entry.slots.get(name)?.[0];
  const uniqueId = entry.identifiers.get(XDS_SCHEMES.documentEntryUniqueId)?.value;
  report.compare('xdm/unique-id', 'ExternalIdentifier[uniqueId]', facts.uniqueIds[0], uniqueId, (value) => facts.uniqueIds.includes(value));

  const types = classificationsOf(entry, XDS_SCHEMES.typeCode);
  report.compare('xdm/type-code', 'Classification[typeCode]', codeAndSystem(facts.code, facts.codeSystem), types[0] ? codeAndSystem(types[0].code, types[0].codingScheme) : undefined, () =>
    types.some((type) => type.code === facts.code && (!type.codingScheme || !facts.codeSystem || type.codingScheme === facts.codeSystem)),
  );
  const confidentiality = classificationsOf(entry, XDS_SCHEMES.confidentialityCode).map((classification) => classification.code ?? '');
  report.compare('xdm/confidentiality-code', 'Classification[confidentialityCode]', facts.confidentialityCode, confidentiality.length ? confidentiality.join(', ') : undefined, () =>
    confidentiality.includes(facts.confidentialityCode!),
  );
  report.compare('xdm/language-code', "Slot[@name='languageCode']", facts.languageCode, slot('languageCode'));
  report.compare('xdm/title', 'Name/LocalizedString/@value', facts.title, entry.title, (value) => value.trim() === facts.title);
  report.compare('xdm/creation-time', "Slot[@name='creationTime']", facts.creationTime, slot('creationTime'), sameInstant(facts.creationTime));
  checkServiceTime(report, 'serviceStartTime', facts.serviceStartTime, slot('serviceStartTime'));
  checkServiceTime(report, 'serviceStopTime', facts.serviceStopTime, slot('serviceStopTime'));
  checkAuthor(report, entry, facts);
}

/** patientId of a document entry or of the submission set: `<INS>^^^&<OID>&ISO^NH`. */
export function checkPatientId(report: EntryReport, object: XdsObject, scheme: string, identity: PatientIdentity, label: string): void {
  const declared = object.identifiers.get(scheme)?.value;
  const expected = `${identity.ins}^^^&${identity.oid}&ISO^NH`;
  if (declared === expected) return;
  const caret = declared?.indexOf('^') ?? -1;
  report.add(
    'xdm/patient-id',
    `ExternalIdentifier[${label}]`,
    {
      element: label,
      otherIns: identity.ins,
      oid: identity.oid,
      ins: declared === undefined ? '' : caret < 0 ? declared : declared.slice(0, caret),
      rest: declared === undefined ? ABSENT : caret < 0 ? '' : declared.slice(caret),
    },
    object,
  );
}

/** Service times are optional in XDS: a slot is checked when the CDA or the metadata states one. */
function checkServiceTime(report: EntryReport, name: string, expected: string | undefined, found: string | undefined): void {
  if (found === undefined) return;
  report.compare('xdm/service-time', `Slot[@name='${name}']`, expected ?? ABSENT, found, sameInstant(expected));
}

/** XDS may state a time with less precision than the CDA (`20240115` for `20240115093000`). */
function sameInstant(expected: string | undefined): (found: string) => boolean {
  return (found) => expected !== undefined && /^\d{8,14}$/.test(found) && expected.startsWith(found);
}

/** authorPerson (XCN `id^family^given^…^&root&ISO`) names one of the CDA authors by identifier. */
function checkAuthor(report: EntryReport, entry: XdsObject, facts: CdaFacts): void {
  const people = classificationsOf(entry, XDS_SCHEMES.author).flatMap((author) => author.slots.get('authorPerson') ?? []);
  if (facts.authors.length === 0) return;
  const known = facts.authors.map((author) => author.id);
  const matches = people.some((person) => {
    const [id = '', , , , , , , , authority = ''] = person.split('^');
    const root = authority.split('&')[1];
    return facts.authors.some((author) => author.id === id && (!root || !author.root || root === author.root));
  });
  if (!matches) {
    report.add('xdm/author', 'Classification[author]', { element: 'authorPerson', expected: known.join(', '), found: people.length ? people.join(', ') : ABSENT });
  }
}

function codeAndSystem(code: string | undefined, system: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return system ? `${code} (${system})` : code;
}

function elementName(step: string): string {
  return /\[@name='([^']+)'\]/.exec(step)?.[1] ?? /\[([A-Za-z]+)\]/.exec(step)?.[1] ?? step;
}
