// What the XDS metadata must repeat from a CDA header (artefact-rules.md section 3, point 4), read
// from the header tree the CDA validator already builds (cda/read-cda.ts): no second CDA parser.
import { attr, childrenNamed, descend, descendAll, type XmlNode } from '../xml/node.js';

export interface CdaFacts {
  /** `root` and, when there is an extension, `root^extension`: either form is a valid uniqueId. */
  uniqueIds: string[];
  code: string | undefined;
  codeSystem: string | undefined;
  confidentialityCode: string | undefined;
  languageCode: string | undefined;
  title: string | undefined;
  /** UTC, `YYYYMMDDhhmmss` (or the stated precision when shorter). */
  creationTime: string | undefined;
  serviceStartTime: string | undefined;
  serviceStopTime: string | undefined;
  /** Author identifiers as `extension` and `root`. */
  authors: { id: string; root: string | undefined }[];
}

export function cdaFacts(root: XmlNode): CdaFacts {
  const id = descend(root, 'id');
  const idRoot = attr(id, 'root');
  const idExtension = attr(id, 'extension');
  const serviceTime = descend(root, 'documentationOf/serviceEvent/effectiveTime');
  return {
    uniqueIds: idRoot ? (idExtension ? [`${idRoot}^${idExtension}`, idRoot] : [idRoot]) : [],
    code: attr(descend(root, 'code'), 'code'),
    codeSystem: attr(descend(root, 'code'), 'codeSystem'),
    confidentialityCode: attr(descend(root, 'confidentialityCode'), 'code'),
    languageCode: attr(descend(root, 'languageCode'), 'code'),
    title: descend(root, 'title')?.text,
    creationTime: toUtc(attr(descend(root, 'effectiveTime'), 'value')),
    serviceStartTime: toUtc(attr(descend(serviceTime, 'low'), 'value')),
    serviceStopTime: toUtc(attr(descend(serviceTime, 'high'), 'value')),
    authors: childrenNamed(root, 'author').flatMap((author) =>
      descendAll(author, 'assignedAuthor/id')
        .filter((authorId) => attr(authorId, 'extension'))
        .map((authorId) => ({ id: attr(authorId, 'extension')!, root: attr(authorId, 'root') })),
    ),
  };
}

const HL7_TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?$/;

/**
 * HL7 TS (`20240115103000+0100`) → XDS UTC DTM (`20240115093000`). Without an offset, or with a date
 * only, the value is kept as written: there is nothing to convert (XDS says such times are UTC).
 */
export function toUtc(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = HL7_TS.exec(value);
  if (!parts) return value;
  const [, year, month, day, hour, minute, second, offset] = parts;
  const digits = value.replace(/(?:\.\d+)?(?:[+-]\d{4})?$/, '');
  if (!offset || hour === undefined) return digits;
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute ?? 0), Number(second ?? 0));
  const utc = new Date(local - offsetMinutes * 60_000);
  const full =
    String(utc.getUTCFullYear()).padStart(4, '0') +
    [utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join('');
  return full.slice(0, digits.length);
}
