// A small mixed-content tree of a schematron or value-set file, with the line of each element, so
// that compile diagnostics can name file and line. Read with saxes (the project's SAX parser): a
// DOCTYPE is refused (ANS's files have none; entities could read other files), nothing is expanded
// beyond the five predefined entities and numeric references.
import { SaxesParser } from '../../artefacts/xml/saxes.js';

export interface XmlElement {
  /** Qualified name as written (`sch:rule`, `rule`). */
  qname: string;
  /** Local name (prefix removed). */
  name: string;
  /** Namespace URI (resolved with the declarations in scope), '' when none. */
  uri: string;
  /** Attributes by qualified name as written. */
  attrs: Record<string, string>;
  /** Namespace declarations in scope at this element (prefix → URI; '' for the default one). */
  scope: Record<string, string>;
  children: XmlChild[];
  line: number;
  /** File the element was read from, relative to the TestContenuCDA tree (set by the loader). */
  file: string;
}

export type XmlChild = XmlElement | string;

export type XmlTreeOutcome = { status: 'ok'; root: XmlElement } | { status: 'error'; line: number; detail: string };

export const SCHEMATRON_NS = 'http://purl.oclc.org/dsdl/schematron';

/** Parses `text` into a tree; never throws (malformed input and DOCTYPEs are outcomes). */
export function parseXmlTree(text: string, file = ''): XmlTreeOutcome {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: { line: number; detail: string } | undefined;
  parser.on('doctype', () => {
    failure ??= { line: parser.line, detail: 'DOCTYPE refusé' };
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const attrs: Record<string, string> = {};
    const scope: Record<string, string> = { ...(parent?.scope ?? {}) };
    for (const [qname, attribute] of Object.entries(tag.attributes)) {
      const value = typeof attribute === 'string' ? attribute : attribute.value;
      if (qname === 'xmlns') scope[''] = value;
      else if (qname.startsWith('xmlns:')) scope[qname.slice(6)] = value;
      else attrs[qname] = value;
    }
    const element: XmlElement = { qname: tag.name, name: tag.local ?? tag.name, uri: tag.uri ?? '', attrs, scope, children: [], line: parser.line, file };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  const addText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current) current.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    failure ??= { line: parser.line, detail: error.message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '') };
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= { line: parser.line, detail: error instanceof Error ? error.message : String(error) };
  }
  if (failure) return { status: 'error', ...failure };
  return root ? { status: 'ok', root } : { status: 'error', line: 1, detail: 'aucun élément racine' };
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

/** Text content of an element and its descendants, concatenated. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
