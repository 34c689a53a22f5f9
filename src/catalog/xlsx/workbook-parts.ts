// The small workbook parts around the sheets: package relationships, the sheet list, shared strings,
// cell styles (for dates) and the document title.
import { posix } from 'node:path';
import { SegurError } from '../../errors.js';
import { localName, parseXmlPart } from './safe-xml.js';
import { isDateFormat } from './number-format.js';
import { decodeXString } from './xstring.js';
import { replaceControlCharacters, withoutControlCharacters } from './pasted-text.js';
import type { SheetState } from './sheet-grid.js';
import type { WorkbookReadLimits } from './limits.js';

export interface SheetRef {
  name: string;
  /** Path of the sheet part inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  state: SheetState;
}

export interface Relationship {
  type: string;
  /** Resolved to a path inside the zip. */
  target: string;
}

/** Relationships of `part` (read from `<dir>/_rels/<name>.rels`), keyed by id. */
export function parseRelationships(xml: Uint8Array, file: string, relsPart: string, sourcePart: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  const baseDir = posix.dirname(sourcePart);
  parseXmlPart(xml, file, relsPart, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Id: id, Type: type = '', Target: target, TargetMode: mode } = tag.attributes;
      if (!id || !target || mode?.toLowerCase() === 'external') return;
      // Targets are URIs (ECMA-376 Part 2, §9.3): `%20` in a target names a part with a space.
      const path = percentDecoded(target.replaceAll('\\', '/'));
      const resolved = path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(baseDir, path));
      relationships.set(id, { type, target: resolved });
    },
  });
  return relationships;
}

function percentDecoded(uri: string): string {
  if (!uri.includes('%')) return uri;
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri; // a lone `%` is not an escape: the name as written
  }
}

/**
 * The relationship of `type`, compared as ECMA-376 Part 2 compares relationship types (ASCII
 * case-insensitively) and by its last segment, so that Strict OOXML
 * (`http://purl.oclc.org/ooxml/officeDocument/relationships/…`) reads like Transitional.
 */
export function findRelationshipTarget(relationships: ReadonlyMap<string, Relationship>, typeSuffix: string): string | undefined {
  const suffix = typeSuffix.toLowerCase();
  for (const relationship of relationships.values()) {
    if (relationship.type.toLowerCase().endsWith(suffix)) return relationship.target;
  }
  return undefined;
}

export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export interface WorkbookInfo {
  sheets: { name: string; relId: string; state: SheetState }[];
  date1904: boolean;
}

export function parseWorkbook(xml: Uint8Array, file: string, part: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  parseXmlPart(xml, file, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'sheet') {
        const relId = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id' && key !== 'sheetId')?.[1];
        if (tag.attributes.name && relId) info.sheets.push({ name: withoutControlCharacters(tag.attributes.name), relId, state: sheetState(tag.attributes.state) });
      } else if (name === 'workbookPr') {
        const value = tag.attributes.date1904;
        info.date1904 = value === '1' || value === 'true';
      }
    },
  });
  return info;
}

/** ST_SheetState; anything else is read as visible, as Excel does. */
function sheetState(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

export interface SharedStrings {
  strings: string[];
  /** Indexes whose text had control characters replaced (pasted-text.ts). */
  cleaned: Set<number>;
}

/**
 * Shared strings, rich-text runs joined; phonetic runs (`rPh`) left out; control characters
 * replaced. Throws catalog/limit-shared-strings or catalog/limit-cell-text past `limits`.
 */
export function parseSharedStrings(xml: Uint8Array, file: string, part: string, limits: Pick<WorkbookReadLimits, 'maxSharedStrings' | 'maxCellText'>): SharedStrings {
  const strings: string[] = [];
  const cleaned = new Set<number>();
  let current: string[] | undefined;
  let length = 0;
  let inText = false;
  let phoneticDepth = 0;
  parseXmlPart(xml, file, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) throw new SegurError('catalog/limit-shared-strings', { file, part, max: limits.maxSharedStrings });
        current = [];
        length = 0;
      } else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && phoneticDepth === 0) inText = true;
    },
    close(tagName) {
      const name = localName(tagName);
      if (name === 'si') {
        const text = decodeXString((current ?? []).join(''));
        const replaced = replaceControlCharacters(text);
        if (replaced !== undefined) cleaned.add(strings.length);
        strings.push(replaced ?? text);
        current = undefined;
      } else if (name === 'rPh') phoneticDepth--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || !current) return;
      length += text.length;
      if (length > limits.maxCellText) throw new SegurError('catalog/limit-shared-string-text', { file, part, index: strings.length, max: limits.maxCellText });
      current.push(text);
    },
  });
  return { strings, cleaned };
}

/** For each cell style index (`s` attribute), whether it displays a date. */
export function parseDateStyles(xml: Uint8Array, file: string, part: string): boolean[] {
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
export function parseCoreTitle(xml: Uint8Array, file: string, part: string): string | undefined {
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
  const title = withoutControlCharacters(parts.join('')).trim();
  return title === '' ? undefined : title;
}
