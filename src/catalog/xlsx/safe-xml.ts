// Streaming XML over workbook parts with saxes. A DOCTYPE is refused outright: saxes itself only knows
// the five predefined entities and never fetches anything, but refusing the declaration keeps an
// external entity from even being considered (and a well-formed xlsx never has one).
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { SegurError } from '../../errors.js';

export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Parses `xml` (one part of the workbook, named `part` in messages) and calls the handlers. */
export function parseXmlPart(xml: Buffer, file: string, part: string, handlers: XmlHandlers): void {
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
    throw new SegurError('catalog/xml-invalid', { file, part, reason: error.message });
  });
  parser.write(decodeXmlBytes(xml)).close();
}

/** Workbook parts are UTF-8; a few generators write UTF-16, which then starts with a byte order mark. */
function decodeXmlBytes(xml: Buffer): string {
  if (xml[0] === 0xff && xml[1] === 0xfe) return xml.subarray(2).toString('utf16le');
  if (xml[0] === 0xfe && xml[1] === 0xff) return Buffer.from(xml.subarray(2)).swap16().toString('utf16le');
  return xml.toString('utf8');
}

/** Local name of a possibly prefixed XML name (`x:c` → `c`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
