// The one XML reader for untrusted artefacts (CDA, INSi answers, XDS METADATA.XML, EVS reports).
//
// - Decoding goes through io/decode.ts (BOM, XML declaration, fatal on invalid bytes).
// - The whole document is checked for well-formedness and namespace well-formedness, to its last
//   byte, by saxes (a conformant non-validating parser: undefined entities, mismatched tags, junk or a
//   second root after the document, unbound prefixes are all faults). The first fault is kept, with
//   its 1-based line and column.
// - Only the elements the caller needs are kept as a tree (a CDA header, an INSi answer): once the
//   caller says it has what it needs, the rest is scanned without building anything.
// - A DOCTYPE ends the read before anything is expanded or fetched; saxes knows only the five
//   predefined entities and numeric references, so nothing else is ever expanded.
import type * as Saxes from 'saxes';
import { SaxesParser } from './saxes.js';
import { decodeText, type DecodeProblem } from '../../io/decode.js';
import { bareAmpersandBefore } from './bare-ampersand.js';
import type { XmlNode } from './node.js';

export const DEFAULT_LIMITS = {
  /** Larger documents are refused unread (the largest ANS example is ≈3 MB). */
  maxBytes: 64 * 1024 * 1024,
  /** Elements kept in the tree; a header needs a few hundred. */
  maxNodes: 50_000,
  /** Nesting depth, kept or not (CDA bodies nest a few dozen levels). */
  maxDepth: 256,
  /** Characters of text kept per element (titles, identifiers); the rest is ignored. */
  maxTextPerNode: 4096,
};
export type XmlLimits = typeof DEFAULT_LIMITS;

/** Receives the character content of one element (text and CDATA), chunk by chunk. */
export interface TextSink {
  write(chunk: string): void;
  /**
   * Told how many non-space characters of a base64 run were not written to it (the run's middle,
   * compacted: see `feed`), so that counts stay exact.
   */
  skipped?(count: number): void;
  end(): void;
}

export interface ReadXmlOptions {
  limits?: Partial<XmlLimits>;
  /**
   * Elements in this namespace are named by their local name; elements of any other namespace
   * (or none) by `{uri}local`, so that rules looking for `id` never pick a foreign `id`. Without it,
   * every element is named by its local name. `ROOT_NAMESPACE`: the root element's namespace (a
   * format known in several versions, each in its own namespace or none).
   */
  homeNamespace?: string | typeof ROOT_NAMESPACE;
  /**
   * Called when an element opens (attributes known). `'done'`: the tree is complete, nothing more is
   * kept (the scan for well-formedness goes on). A sink: the element's text goes to it, not the tree.
   */
  onOpen?: (node: XmlNode, depth: number) => 'done' | TextSink | undefined;
}

export type XmlFault =
  | { status: 'doctype'; line: number }
  | { status: 'malformed'; line: number; column: number; detail: string }
  | { status: 'undecodable'; problem: DecodeProblem }
  | { status: 'too-large'; size: number; limit: number }
  | { status: 'too-many-nodes'; line: number; limit: number }
  | { status: 'too-deep'; line: number; limit: number }
  | { status: 'no-root' };

export type XmlReadOutcome =
  | { status: 'ok'; root: XmlNode }
  /**
   * The document is not well-formed after the part the caller asked for: that part (`root`, its
   * tree complete) can still be checked; `fault` is the first well-formedness fault.
   */
  | { status: 'fault-after-tree'; root: XmlNode; fault: XmlFault }
  | XmlFault;

/** `homeNamespace` value: the namespace of the root element, whatever it is. */
export const ROOT_NAMESPACE = Symbol('root namespace');

const FEED_CHARS = 64 * 1024;

/**
 * A long run of base64 characters and layout whitespace right after a `>`: an embedded PDF or image
 * (a level-1 body, an observationMedia). Such characters are legal wherever they stand (text,
 * attribute value, comment, CDATA), so well-formedness cannot depend on the inside of the run: only
 * its line breaks (for line numbers), the start of each line (for a fault's column) and its last
 * line matter to the parser. Only ASCII space, tab, CR and LF count as layout: a form feed or any
 * other character ends the run, and the parser sees it.
 */
const RUN_MIN = 4096;
/** The first character that cannot be part of a run (searched from a `>`; no backtracking). */
const NOT_RUN = /[^A-Za-z0-9+/= \t\r\n]/g;
/** Characters of a run kept as they are at its start (a body probe reads the first bytes). */
const RUN_HEAD = 64;

/**
 * Writes `text` to the parser. When `compactable()` says nothing of the text is kept (the tree is
 * complete, or a sink only probes it), the middle of each run is compacted: each line becomes its
 * leading blanks and one `A` (nothing when it is blank). 60 % of the ANS examples' characters are
 * such runs, and saxes reads character by character. Lines and columns of every fault stay exact.
 */
function feed(parser: Saxes.SaxesParser, text: string, compactable: () => boolean, skipped: (count: number) => void): void {
  const write = (from: number, to: number): void => {
    for (let start = from; start < to; start += FEED_CHARS) parser.write(text.slice(start, Math.min(to, start + FEED_CHARS)));
  };
  let written = 0;
  for (let gt = text.indexOf('>'); gt >= 0; gt = text.indexOf('>', gt + 1)) {
    const runStart = gt + 1;
    NOT_RUN.lastIndex = runStart;
    const stop = NOT_RUN.exec(text);
    const runEnd = stop ? stop.index : text.length;
    if (runEnd - runStart < RUN_MIN) continue;
    gt = runEnd - 1; // the next `>` is after the run
    if (!compactable()) continue;
    const run = text.slice(runStart, runEnd);
    const lastBreak = Math.max(run.lastIndexOf('\n'), run.lastIndexOf('\r'));
    if (lastBreak <= RUN_HEAD) continue;
    write(written, runStart);
    const middle = run.slice(RUN_HEAD, lastBreak);
    const compacted = middle.replace(/[^\r\n]+/g, (line) => {
      const blanks = /^[ \t]*/.exec(line)![0];
      return blanks.length === line.length ? '' : blanks + 'A';
    });
    parser.write(run.slice(0, RUN_HEAD) + compacted + run.slice(lastBreak));
    skipped(middle.replace(/[ \t\r\n]+/g, '').length - compacted.replace(/[ \t\r\n]+/g, '').length);
    written = runEnd;
  }
  write(written, text.length);
}

class StopReading {
  constructor(readonly fault: XmlFault) {}
}

/** Reads `bytes` (a whole document). Never throws on content; see XmlReadOutcome. */
export function readXml(bytes: Uint8Array, options: ReadXmlOptions = {}): XmlReadOutcome {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxBytes) return { status: 'too-large', size: bytes.length, limit: limits.maxBytes };
  const decoded = decodeText(bytes, { xml: true });
  if (!decoded.ok) return { status: 'undecodable', problem: decoded.problem };
  return parse(decoded.text, limits, options);
}

function parse(text: string, limits: XmlLimits, options: ReadXmlOptions): XmlReadOutcome {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let home = options.homeNamespace;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let treeDone = false;
  let keptNodes = 0;
  let depth = 0;
  let sink: { node: XmlNode; sink: TextSink; depth: number } | undefined;

  parser.on('error', (error) => {
    throw new StopReading({ status: 'malformed', line: parser.line, column: parser.column, detail: saxesDetail(error) });
  });
  parser.on('doctype', () => {
    throw new StopReading({ status: 'doctype', line: parser.line });
  });
  parser.on('opentag', (tag: Saxes.SaxesTagNS) => {
    depth++;
    if (depth > limits.maxDepth) throw new StopReading({ status: 'too-deep', line: parser.line, limit: limits.maxDepth });
    if (treeDone || sink) return;
    if (home === ROOT_NAMESPACE) home = tag.uri;
    if (++keptNodes > limits.maxNodes) throw new StopReading({ status: 'too-many-nodes', line: parser.line, limit: limits.maxNodes });
    const parent = stack[stack.length - 1];
    const node: XmlNode = {
      name: home === undefined || tag.uri === home ? tag.local : `{${tag.uri}}${tag.local}`,
      namespace: tag.uri,
      attrs: attributesOf(tag),
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
      parent,
    };
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
    const decision = options.onOpen?.(node, stack.length - 1);
    if (decision === 'done') treeDone = true;
    else if (decision) sink = { node, sink: decision, depth };
  });
  const onText = (chunk: string): void => {
    if (sink) {
      sink.sink.write(chunk);
      return;
    }
    if (treeDone) return;
    const current = stack[stack.length - 1];
    if (current && current.text.length < limits.maxTextPerNode) {
      current.text = (current.text + chunk).slice(0, limits.maxTextPerNode);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (sink && depth === sink.depth) {
      sink.sink.end();
      sink = undefined;
    }
    // Kept nodes are always the open elements from the root down to some depth.
    if (depth === stack.length) {
      const node = stack.pop()!;
      node.text = node.text.trim();
    }
    depth--;
  });

  try {
    feed(parser, text, () => treeDone || sink !== undefined, (count) => sink?.sink.skipped?.(count));
    parser.close();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
    for (const node of stack) node.text = node.text.trim();
    const fault = error.fault.status === 'malformed' ? firstFault(text, error.fault) : error.fault;
    if (root && treeDone && fault.status === 'malformed') return { status: 'fault-after-tree', root, fault };
    return fault;
  }
  return root ? { status: 'ok', root } : { status: 'no-root' };
}

/**
 * saxes reads a bare `&` as a reference running to the next `;`, and so reports a fault far after it
 * (bare-ampersand.ts): the `&` is the first fault then. `text`: the whole decoded document; `fault`:
 * saxes's first error (1-based line and column). Also used by the workbook parts' reader.
 */
export function firstFault(text: string, fault: Extract<XmlFault, { status: 'malformed' }>): Extract<XmlFault, { status: 'malformed' }> {
  const ampersand = bareAmpersandBefore(text, fault);
  return ampersand ? { status: 'malformed', ...ampersand, detail: BARE_AMPERSAND } : fault;
}

/** In saxes' wording, as the other details are. */
const BARE_AMPERSAND = '"&" not followed by an entity or character reference (write &amp;)';

/** Attributes by qualified name as written (`root`, `xsi:type`), namespace declarations included. */
function attributesOf(tag: Saxes.SaxesTagNS): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [name, attribute] of Object.entries(tag.attributes)) attrs[name] = attribute.value;
  return attrs;
}

/** saxes messages look like `1:20: text outside of root node.`: keep the reason only. */
export function saxesDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').replace(/\.$/, '');
}
