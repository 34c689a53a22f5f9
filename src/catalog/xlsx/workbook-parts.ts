// The small workbook parts around the sheets: package relationships, the sheet list, shared strings,
// cell styles (for dates) and the document title.
import { posix } from 'node:path';
import { localName, parseXmlPart } from './safe-xml.js';
import { isDateFormat } from './number-format.js';
import { decodeXString } from './xstring.js';

export interface SheetRef {
  name: string;
  /** Path of the sheet part inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface Relationship {
  type: string;
  /** Resolved to a path inside the zip. */
  target: string;
}

/** Relationships of `part` (read from `<dir>/_rels/<name>.rels`), keyed by id. */
export function parseRelationships(xml: Buffer, file: string, relsPart: string, sourcePart: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  const baseDir = posix.dirname(sourcePart);
  parseXmlPart(xml, file, relsPart, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Id: id, Type: type = '', Target: target, TargetMode: mode } = tag.attributes;
      if (!id || !target || mode === 'External') return;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target));
      relationships.set(id, { type, target: resolved });
    },
  });
  return relationships;
}

export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export interface WorkbookInfo {
  sheets: { name: string; relId: string }[];
  date1904: boolean;
}

export function parseWorkbook(xml: Buffer, file: string, part: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  parseXmlPart(xml, file, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'sheet') {
        const relId = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id' && key !== 'sheetId')?.[1];
        if (tag.attributes.name && relId) info.sheets.push({ name: tag.attributes.name, relId });
      } else if (name === 'workbookPr') {
        const value = tag.attributes.date1904;
        info.date1904 = value === '1' || value === 'true';
      }
    },
  });
  return info;
}

/** Shared strings, rich-text runs joined; phonetic runs (`rPh`) left out. */
export function parseSharedStrings(xml: Buffer, file: string, part: string): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phoneticDepth = 0;
  parseXmlPart(xml, file, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && phoneticDepth === 0) inText = true;
    },
    close(tagName) {
      const name = localName(tagName);
      if (name === 'si') {
        strings.push(decodeXString((current ?? []).join('')));
        current = undefined;
      } else if (name === 'rPh') phoneticDepth--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** For each cell style index (`s` attribute), whether it displays a date. */
export function parseDateStyles(xml: Buffer, file: string, part: string): boolean[] {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXmlPart(xml, file, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'numFmt') customFormats.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close(tagName) {
      if (localName(tagName) === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => isDateFormat(id, customFormats.get(id)));
}

/** `dc:title` of docProps/core.xml, when the author set one. */
export function parseCoreTitle(xml: Buffer, file: string, part: string): string | undefined {
  let inTitle = false;
  const parts: string[] = [];
  parseXmlPart(xml, file, part, {
    open(tag) {
      if (localName(tag.name) === 'title') inTitle = true;
    },
    close(tagName) {
      if (localName(tagName) === 'title') inTitle = false;
    },
    text(text) {
      if (inTitle) parts.push(text);
    },
  });
  const title = parts.join('').trim();
  return title === '' ? undefined : title;
}
