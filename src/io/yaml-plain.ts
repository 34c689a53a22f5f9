// Plain YAML read fast. The yaml library (lexer, CST parser, composer, document model) costs ≈0.5 s
// of CPU per MB: a 2,000-requirement catalog plus a 20,000-entry manifest took most of a `check`'s
// 2 s (issue 9, bench/RESULTS.md). js-yaml's event parser reads the same text 4 to 5 times faster.
//
// What segur's own files hold — mappings, lists and scalars, block or flow style, comments — is read
// here from js-yaml's event stream. Anything else goes back to the caller, which reads the text with
// the yaml library as before, with its exact messages, positions and policies: anchors, aliases,
// tags, directives, document markers (`---`, `...`), a list or mapping as a key, a key written twice, `__proto__`
// or `<<`, a plain key that is not text (`1`, `true`, `~`), a key of more than 1,000 characters, more entries or nesting than the caller
// allows, a lone carriage return, and every text js-yaml refuses. test/io/yaml-plain.test.ts holds
// both readers to the same data and positions on generated and real inputs.
import {
  CORE_SCHEMA,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_PLAIN,
  SCALAR_STYLE_SINGLE_QUOTED,
  constructFromEvents,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent,
  YAMLException,
} from 'js-yaml';
import { countEntryIndicators } from './yaml-tokens.js';

/** A node of a plain document, with where the yaml library's node for it starts. */
export interface PlainNode {
  /**
   * UTF-16 offset of the yaml library's `range[0]` for this node (a quoted scalar's quote, a flow
   * collection's bracket, a block collection's first key or `-`), or -1 where the two libraries place
   * it differently (block scalars, empty values): the caller asks the yaml library then.
   */
  offset: number;
  /** A mapping's pairs by key text, in document order. */
  entries?: Map<string, { keyOffset: number; value: PlainNode }>;
  /** A list's items. */
  items?: PlainNode[];
}

export interface PlainYaml {
  /** The document as `document.toJS()` would give it. */
  data: unknown;
  root: PlainNode;
}

export interface PlainLimits {
  /** Collections nested deeper than this are left to the caller (it refuses them, naming the line). */
  maxDepth: number;
  /** Keys plus list items; past this the caller refuses the text (io/yaml-tokens.ts counts exactly). */
  maxEntries: number;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m;

/** Characters an entry indicator is made of: their count bounds the entries from above. */
const INDICATOR_CHARS = /[:?,\-[{]/g;

/** Why the fast path left a text to the yaml library: where, when a place is known (UTF-16 offset). */
export interface NotPlain {
  notPlainAt?: number;
}

/**
 * The data and node offsets of `text` when it is one plain document within `limits`, else a
 * NotPlain (the caller then reads it with the yaml library): the offset of the first construct
 * outside the subset, or of js-yaml's syntax error. Work and memory are bounded by the entries
 * allowed: a text that may hold more is counted on the yaml lexer first (≈0.15 s/MB), and js-yaml
 * only reads it when it holds no more than `maxEntries`.
 */
export function readPlainYaml(text: string, limits: PlainLimits): PlainYaml | NotPlain {
  // Document markers (`---`, `...`): where a document starts or ends, the two libraries may count
  // documents differently (an empty one before `...`); a lone CR: they may count lines differently.
  const marker = /\r(?!\n)/.exec(text) ?? DOCUMENT_MARKER.exec(text);
  if (marker) return { notPlainAt: marker.index };
  if ((text.match(INDICATOR_CHARS)?.length ?? 0) > limits.maxEntries && countEntryIndicators(text, limits.maxEntries) > limits.maxEntries) return {};
  let events: Event[];
  try {
    // One more level than allowed: js-yaml stops there, the walk below tells the exact depth.
    events = parseEvents(text, { maxDepth: limits.maxDepth + 1 });
  } catch (error) {
    return { notPlainAt: error instanceof YAMLException ? error.mark?.position : undefined };
  }
  const tree = plainTree(text, events, limits);
  if (!('root' in tree)) return tree;
  try {
    const [data] = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
    return { data, root: tree.root };
  } catch (error) {
    return { notPlainAt: error instanceof YAMLException ? error.mark?.position : undefined };
  }
}

/** Whether `read` is the fast path's reading (not a NotPlain). */
export function isPlain(read: PlainYaml | NotPlain): read is PlainYaml {
  return 'root' in read;
}

interface Frame {
  node: PlainNode;
  /** A mapping's key read, waiting for its value. */
  key?: { text: string; offset: number };
}

/** The node tree of the events, or where the first of them outside the plain subset is written. */
function plainTree(text: string, events: readonly Event[], limits: PlainLimits): { root: PlainNode } | NotPlain {
  const stack: Frame[] = [];
  let root: PlainNode | undefined;
  let documents = 0;
  let entries = 0;
  // Attaches a finished node to its mapping (under the waiting key) or list; false past the entries allowed.
  const attach = (node: PlainNode): boolean => {
    const frame = stack.at(-1);
    if (!frame) {
      root = node;
      return true;
    }
    if (frame.node.items) {
      frame.node.items.push(node);
    } else {
      frame.node.entries!.set(frame.key!.text, { keyOffset: frame.key!.offset, value: node });
      frame.key = undefined;
    }
    return ++entries <= limits.maxEntries;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return {};
        break;
      case EVENT_ALIAS:
        return { notPlainAt: event.anchorStart - 1 };
      case EVENT_SCALAR: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) return { notPlainAt: propsStart(event) };
        const frame = stack.at(-1);
        if (frame?.node.entries && frame.key === undefined) {
          const key = keyText(text, event);
          if (key === undefined || frame.node.entries.has(key)) return { notPlainAt: Math.max(0, scalarOffset(event)) };
          frame.key = { text: key, offset: scalarOffset(event) };
        } else if (!attach({ offset: scalarOffset(event) })) {
          return { notPlainAt: Math.max(0, event.valueStart) };
        }
        break;
      }
      case EVENT_SEQUENCE:
      case EVENT_MAPPING: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) return { notPlainAt: propsStart(event) };
        const frame = stack.at(-1);
        if (frame?.node.entries && frame.key === undefined) return { notPlainAt: event.start }; // a list or mapping as a key
        const node: PlainNode = event.type === EVENT_MAPPING ? { offset: event.start, entries: new Map() } : { offset: event.start, items: [] };
        if (!attach(node)) return { notPlainAt: event.start };
        stack.push({ node });
        if (stack.length > limits.maxDepth) return { notPlainAt: event.start };
        break;
      }
      case EVENT_POP:
        stack.pop(); // the document's own end when no collection is open
        break;
    }
  }
  return documents === 1 && root ? { root } : {};
}

/** Where a node's first property is written: js-yaml's anchor range starts after the `&` (an alias's after the `*`), its tag range on the `!`. */
function propsStart(event: { anchorStart: number; tagStart: number }): number {
  const anchor = event.anchorStart - 1;
  return event.anchorStart >= 0 && (event.tagStart < 0 || anchor < event.tagStart) ? anchor : event.tagStart;
}

/** Where the yaml library starts a scalar node: on the quote of a quoted one; -1 for block scalars and empty values. */
function scalarOffset(event: ScalarEvent): number {
  if (event.valueStart < 0) return -1;
  if (event.style === SCALAR_STYLE_PLAIN) return event.valueStart;
  if (event.style === SCALAR_STYLE_SINGLE_QUOTED || event.style === SCALAR_STYLE_DOUBLE_QUOTED) return event.valueStart - 1;
  return -1;
}

/**
 * Plain keys that the core schema reads as something else than text (null, booleans, numbers: their
 * JavaScript key is the value's `String`, which the yaml library writes its own way) and `<<`.
 */
const NOT_TEXT_KEY = /^(?:$|[-+.\d~]|<<$|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;

/** Characters of a key's value the fast path takes (quotes and separator make up the 1,024). */
const MAX_KEY_SPAN = 1000;

/** The key as a JavaScript object holds it, or undefined when it is not plain text. */
function keyText(text: string, event: ScalarEvent): string | undefined {
  // An implicit key spans at most 1,024 characters (YAML 1.2 §7.4.x): the yaml library refuses longer ones.
  if (event.valueStart < 0 || event.valueEnd - event.valueStart > MAX_KEY_SPAN) return undefined;
  const value = getScalarValue(text, event);
  if (event.style === SCALAR_STYLE_PLAIN && NOT_TEXT_KEY.test(value)) return undefined;
  if (event.style !== SCALAR_STYLE_PLAIN && event.style !== SCALAR_STYLE_SINGLE_QUOTED && event.style !== SCALAR_STYLE_DOUBLE_QUOTED) return undefined;
  return value === '__proto__' ? undefined : value;
}
