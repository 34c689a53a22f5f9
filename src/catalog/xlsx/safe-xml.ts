// Streaming XML over workbook parts with saxes. Bytes are decoded by the one decoder of segur
// (io/decode.ts: BOM and XML declaration honoured, UTF-8 / UTF-16 / ISO-8859-1… each as itself,
// fatal on an invalid byte): a workbook part with a bad byte is refused naming the part, line and
// column, never read with U+FFFD in place of a letter.
//
// A DOCTYPE is refused outright: saxes itself only knows the five predefined entities and never
// fetches anything, but refusing the declaration keeps an external entity from even being
// considered (and a well-formed xlsx never has one).
import type { SaxesTagPlain } from 'saxes';
import { SaxesParser } from '../../artefacts/xml/saxes.js';
import { SegurError } from '../../errors.js';
import { decodeText } from '../../io/decode.js';
import { firstFault, saxesDetail } from '../../artefacts/xml/read-xml.js';
import { saxesReason } from '../../artefacts/xml/saxes-reason.js';

export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

const FEED_CHARS = 64 * 1024;

/**
 * Parses `xml` (one part of the workbook `file`, named `part` in messages) and calls the handlers.
 * Throws SegurError: catalog/part-invalid-bytes, catalog/part-unknown-encoding, catalog/xml-doctype,
 * catalog/xml-invalid (1-based line and column of the first fault, saxes's reason as `detail` and
 * `detailCode`, saxes-reason.ts); handlers may throw their own.
 */
export function parseXmlPart(xml: Uint8Array, file: string, part: string, handlers: XmlHandlers): void {
  const text = decodePart(xml, file, part);
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('doctype', () => {
    throw new SegurError('catalog/xml-doctype', { file, part });
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.on('error', (error) => {
    // The first fault where it is (a bare & is reported by saxes at the next `;`), in our words.
    const fault = firstFault(text, { status: 'malformed', line: parser.line, column: parser.column, detail: saxesDetail(error) });
    throw new SegurError('catalog/xml-invalid', { file, part, line: fault.line, column: Math.max(1, fault.column), ...saxesReason(fault.detail) });
  });
  for (let start = 0; start < text.length; start += FEED_CHARS) parser.write(text.slice(start, start + FEED_CHARS));
  parser.close();
}

function decodePart(xml: Uint8Array, file: string, part: string): string {
  const decoded = decodeText(xml, { xml: true });
  if (decoded.ok) return decoded.text;
  const { problem } = decoded;
  if (problem.kind === 'unknown-encoding') throw new SegurError('catalog/part-unknown-encoding', { file, part, encoding: problem.declared });
  throw new SegurError('catalog/part-invalid-bytes', {
    file,
    part,
    line: problem.line,
    column: problem.column,
    encoding: problem.encoding.toUpperCase(),
    offset: problem.byteOffset,
  });
}

/** Local name of a possibly prefixed XML name (`x:c` → `c`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
