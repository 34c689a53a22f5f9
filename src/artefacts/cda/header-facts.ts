// What a reviewer wants to see of a CDA document at a glance (segur batch's HTML report): its type,
// its patient (INS, masked when shown), its author and its date, read from the header tree the
// validator already built (no second parse).
import { isInsOid } from '../ins/oids.js';
import type { DocumentHeaderFacts } from '../types.js';
import { attr, childrenNamed, descend, type XmlNode } from '../xml/node.js';

/** CDA R2 header: `code` (LOINC type), `title`, `recordTarget/patientRole/id` (INS), `author`, `effectiveTime`. */
export function cdaHeaderFacts(root: XmlNode): DocumentHeaderFacts {
  const code = descend(root, 'code');
  const type = [attr(code, 'code'), attr(code, 'displayName')].filter((part) => part !== undefined && part !== '').join(' — ');
  const ins = childrenNamed(descend(root, 'recordTarget/patientRole'), 'id').find((id) => isInsOid(id.attrs.root) && id.attrs.extension)?.attrs.extension;
  const facts: DocumentHeaderFacts = {};
  if (type !== '') facts.type = type;
  const title = descend(root, 'title')?.text;
  if (title) facts.title = title;
  if (ins) facts.patientIns = ins;
  const author = authorName(childrenNamed(root, 'author')[0]);
  if (author) facts.author = author;
  const date = hl7Date(attr(descend(root, 'effectiveTime'), 'value'));
  if (date) facts.date = date;
  return facts;
}

function authorName(author: XmlNode | undefined): string | undefined {
  const person = descend(author, 'assignedAuthor/assignedPerson/name');
  const name = [...childrenNamed(person, 'prefix'), ...childrenNamed(person, 'given'), ...childrenNamed(person, 'family')]
    .map((part) => part.text)
    .filter((text) => text !== '')
    .join(' ');
  if (name !== '') return name;
  return descend(author, 'assignedAuthor/representedOrganization/name')?.text || descend(author, 'assignedAuthor/assignedAuthoringDevice/softwareName')?.text || undefined;
}

/** HL7 TS `20240115103000+0100` → `2024-01-15 10:30 +0100`, as written (no time-zone arithmetic). */
function hl7Date(value: string | undefined): string | undefined {
  const parts = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?\d*(?:\.\d+)?([+-]\d{4})?$/.exec(value);
  if (!parts) return value;
  const [, year, month, day, hour, minute, zone] = parts;
  const time = hour === undefined ? '' : ` ${hour}:${minute}`;
  return `${year}-${month}-${day}${time}${zone ? ` ${zone}` : ''}`;
}
