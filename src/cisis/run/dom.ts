// Builds the slimdom tree the packs are evaluated on, from the document's text, with saxes (the
// project's SAX parser, which never expands entities beyond the predefined five and refuses
// nothing silently): slimdom's own parser gives no line numbers, and findings need them. The
// caller has already refused DOCTYPEs (read-cda.ts); one here ends the build all the same.
//
// Bounded: every node counts against a budget (elements, attributes, text, comments, processing
// instructions) and the build stops at the cap — a DOM costs ≈300 bytes of memory and ≈2 µs per
// node, and a legal 32 MB document of empty elements would hold millions.
import { SaxesParser } from '../../artefacts/xml/saxes.js';
import { Document, type Element, type Node } from 'slimdom';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Nodes of one document's tree at most: ≈12× the largest ANS example (CANCER-PPS_2022.01,
 * ≈21,000 nodes); at the cap the build costs ≈0.5 s and ≈100 MB (bench/cisis.mjs).
 */
export const MAX_DOM_NODES = 250_000;

export interface BuiltDocument {
  document: Document;
  /** Line of each element's start tag. */
  lines: Map<Node, number>;
  /** Every element in document order (the runner visits them in that order). */
  elements: Element[];
}

export type BuildFailure =
  /** Not well-formed, or a DOCTYPE (`detail`: saxes's message, or `DOCTYPE`). */
  | { ok: false; reason: 'malformed'; line: number; detail: string }
  /** More nodes than `limit`: the build stopped at `line`. */
  | { ok: false; reason: 'too-many-nodes'; line: number; limit: number };

export type BuildOutcome = { ok: true; built: BuiltDocument } | BuildFailure;

export interface BuildOptions {
  /** Node budget (default MAX_DOM_NODES). */
  maxNodes?: number;
}

class StopBuild {
  constructor(readonly failure: BuildFailure) {}
}

/** `text`: a whole XML document. Never throws on content; see BuildOutcome. */
export function buildDocument(text: string, options: BuildOptions = {}): BuildOutcome {
  const maxNodes = options.maxNodes ?? MAX_DOM_NODES;
  const document = new Document();
  const lines = new Map<Node, number>();
  const elements: Element[] = [];
  const stack: Node[] = [document];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let nodes = 0;
  const count = (added: number): void => {
    nodes += added;
    if (nodes > maxNodes) throw new StopBuild({ ok: false, reason: 'too-many-nodes', line: parser.line, limit: maxNodes });
  };
  // Text and CDATA runs are gathered and appended as one text node (as in the XPath data model)
  // when the next node starts: never a growing text node rewritten run after run.
  let pending = '';
  const flushText = (): void => {
    if (pending === '') return;
    const parent = stack[stack.length - 1]!;
    if (parent !== document) {
      count(1);
      parent.appendChild(document.createTextNode(pending));
    }
    pending = '';
  };
  const gatherText = (run: string): void => {
    pending += run;
  };
  // At most six handlers set through `on`: saxes stores each as a property added by a keyed store,
  // and a seventh turns the parser into a dictionary-mode object, which halves its speed. A DOCTYPE
  // is therefore found in the prolog when the root opens, not by a handler.
  parser.on('opentag', (tag) => {
    flushText();
    if (stack.length === 1 && hasDoctype(text.slice(0, parser.position))) throw new StopBuild({ ok: false, reason: 'malformed', line: parser.line, detail: 'DOCTYPE' });
    const element = document.createElementNS(tag.uri || null, tag.name);
    const attributes = Object.values(tag.attributes);
    count(1 + attributes.length);
    for (const attribute of attributes) {
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
    flushText();
    stack.pop();
  });
  parser.on('text', gatherText);
  parser.on('cdata', gatherText);
  parser.on('comment', (comment) => {
    flushText();
    count(1);
    stack[stack.length - 1]!.appendChild(document.createComment(comment));
  });
  parser.on('processinginstruction', (pi) => {
    flushText();
    if (pi.target.toLowerCase() === 'xml') return;
    count(1);
    stack[stack.length - 1]!.appendChild(document.createProcessingInstruction(pi.target, pi.body));
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof StopBuild) return error.failure;
    return { ok: false, reason: 'malformed', line: parser.line, detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, built: { document, lines, elements } };
}

/** Whether a prolog (the text up to the root's start tag) holds a DOCTYPE, comments and PIs aside. */
function hasDoctype(prolog: string): boolean {
  return prolog.includes('<!DOCTYPE') && /<!DOCTYPE/.test(prolog.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ''));
}
