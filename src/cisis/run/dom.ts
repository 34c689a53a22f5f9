// Builds the slimdom tree the packs are evaluated on, from the document's text, with saxes (the
// project's SAX parser, which never expands entities beyond the predefined five and refuses
// nothing silently): slimdom's own parser gives no line numbers, and findings need them. The
// caller has already refused DOCTYPEs (read-cda.ts); one here ends the build all the same.
import { SaxesParser } from 'saxes';
import { Document, type Element, type Node } from 'slimdom';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface BuiltDocument {
  document: Document;
  /** Line of each element's start tag. */
  lines: Map<Node, number>;
  /** Every element in document order (the runner visits them in that order). */
  elements: Element[];
}

export type BuildOutcome = { ok: true; built: BuiltDocument } | { ok: false; line: number; detail: string };

export function buildDocument(text: string): BuildOutcome {
  const document = new Document();
  const lines = new Map<Node, number>();
  const elements: Element[] = [];
  const stack: Node[] = [document];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: { line: number; detail: string } | undefined;
  parser.on('doctype', () => {
    failure ??= { line: parser.line, detail: 'DOCTYPE' };
    throw new Error('DOCTYPE');
  });
  parser.on('opentag', (tag) => {
    const element = document.createElementNS(tag.uri || null, tag.name);
    for (const attribute of Object.values(tag.attributes)) {
      if (typeof attribute === 'string') continue;
      const namespace = attribute.name === 'xmlns' || attribute.prefix === 'xmlns' ? XMLNS_NS : attribute.uri || null;
      element.setAttributeNS(namespace, attribute.name, attribute.value);
    }
    stack[stack.length - 1]!.appendChild(element);
    stack.push(element);
    lines.set(element, parser.line);
    elements.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const appendText = (text: string): void => {
    const parent = stack[stack.length - 1]!;
    if (parent === document) return;
    const last = parent.lastChild;
    // Adjacent text (a CDATA section between text runs) is one text node, as in the XPath data model.
    if (last && last.nodeType === 3) (last as unknown as { data: string }).data += text;
    else parent.appendChild(document.createTextNode(text));
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('comment', (text) => {
    const parent = stack[stack.length - 1]!;
    parent.appendChild(document.createComment(text));
  });
  parser.on('processinginstruction', (pi) => {
    if (pi.target.toLowerCase() === 'xml') return;
    stack[stack.length - 1]!.appendChild(document.createProcessingInstruction(pi.target, pi.body));
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= { line: parser.line, detail: error instanceof Error ? error.message : String(error) };
  }
  if (failure) return { ok: false, ...failure };
  return { ok: true, built: { document, lines, elements } };
}
