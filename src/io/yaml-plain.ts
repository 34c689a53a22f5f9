// Plain YAML read fast. The yaml library (lexer, CST parser, composer, document model) costs ≈0.5 s
// of CPU per MB: a 2,000-requirement catalog plus a 20,000-entry manifest took most of a `check`'s
// 2 s (issue 9, bench/RESULTS.md). js-yaml's event parser reads the same text 4 to 5 times faster.
//
// What segur's own files hold — mappings, lists and scalars, block or flow style, comments — is read
// here from js-yaml's event stream. Anything else goes back to the caller, which reads the text with
// the yaml library as before, with its exact messages, positions and policies: anchors, aliases,
// tags, directives, document markers (`---`, `...`), a list or mapping as a key, a key written twice, `__proto__`
// or `<<`, a plain key that is not text (`1`, `true`, `~`), a key whose `:` is more than 1,000 characters away, more entries or nesting than the caller
// allows, a lone carriage return, and every text js-yaml refuses. test/io/yaml-plain.test.ts holds
// both readers to the same data and positions on generated and real inputs.
import {
  COLLECTION_STYLE_FLOW,
  CORE_SCHEMA,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_FOLDED_BLOCK,
  SCALAR_STYLE_LITERAL_BLOCK,
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

/**
 * Characters of the largest text left to the yaml library (≈0.5 s of CPU per MB of YAML: half a
 * second at most). A larger manifest or catalog is read only when it is plain — what `segur init`
 * and `segur catalog import` write (the catalog of a 2,000-row REM: ≈1.9 million characters); the
 * caller refuses anything else, naming the line where it leaves plain YAML.
 */
export const MAX_LIBRARY_CHARS = 1_000_000;

export interface PlainLimits {
  /** Collections nested deeper than this are left to the caller (it refuses them, naming the line). */
  maxDepth: number;
  /** Keys plus list items; past this the caller refuses the text (io/yaml-tokens.ts counts exactly). */
  maxEntries: number;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
/** Lines holding nothing but blanks and comments. */
const NOTHING = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;
/** A tab among the blanks that start a line (indentation, a blank line): the yaml library refuses some of these, js-yaml none. */
const TAB_AT_LINE_START = /^ *\t/m;
/** `---` or `...` after blanks: text for the yaml library, a document marker for js-yaml. */
const INDENTED_MARKER = /^[ \t]+(?:---|\.\.\.)(?=[ \t\r\n]|$)/m;

/**
 * Where `text` has something the two libraries may read differently, found on the text itself:
 * a lone CR (lines counted differently), a byte-order mark (kept in a key by js-yaml, dropped by
 * the yaml library), a tab among a line's leading blanks, an indented `---` or `...`, and document markers other than one `---`
 * before any content and one `...` after it (an empty document before `...` is counted by one
 * library only).
 */
function unusualText(text: string): number | undefined {
  const found = [/\r(?!\n)/.exec(text)?.index, text.includes('\ufeff') ? text.indexOf('\ufeff') : undefined, TAB_AT_LINE_START.exec(text)?.index, INDENTED_MARKER.exec(text)?.index];
  let start: number | undefined;
  let end: number | undefined;
  for (const marker of text.matchAll(DOCUMENT_MARKER)) {
    const rest = text.slice(marker.index + 3, text.indexOf('\n', marker.index) < 0 ? text.length : text.indexOf('\n', marker.index));
    const plainMarker = /^[ \t]*(?:#.*)?\r?$/.test(rest);
    if (marker[0] === '---' && start === undefined && end === undefined && plainMarker && NOTHING.test(text.slice(0, marker.index))) start = marker.index;
    else if (marker[0] === '...' && end === undefined && plainMarker && NOTHING.test(text.slice(marker.index + 3 + rest.length))) end = marker.index;
    else {
      found.push(marker.index); // markers come in order: the first one refused is the one to name
      break;
    }
  }
  return found.reduce<number | undefined>((first, at) => (at === undefined || (first !== undefined && first <= at) ? first : at), undefined);
}

/** Characters an entry indicator is made of: their count bounds the entries from above. */
const INDICATOR_CHARS = /[:?,\-[{]/g;

/** Why the fast path left a text to the yaml library: where, when a place is known (UTF-16 offset). */
export interface NotPlain {
  notPlainAt?: number;
  /** More entries than `maxEntries`, counted on the yaml lexer: `notPlainAt` is where the first one past the cap is written. */
  tooManyEntries?: true;
  /** Nested deeper than `maxDepth`: `notPlainAt` is where js-yaml or the walk found it (the yaml library may name the line before). */
  tooDeep?: true;
}

/**
 * The data and node offsets of `text` when it is one plain document within `limits`, else a
 * NotPlain (the caller then reads it with the yaml library): the offset of the first construct
 * outside the subset, or of js-yaml's syntax error. Work and memory are bounded by the entries
 * allowed: a text that may hold more is counted on the yaml lexer first (≈0.15 s/MB), and js-yaml
 * only reads it when it holds no more than `maxEntries`.
 */
export function readPlainYaml(text: string, limits: PlainLimits): PlainYaml | NotPlain {
  const unusual = unusualText(text);
  if (unusual !== undefined) return { notPlainAt: unusual };
  if ((text.match(INDICATOR_CHARS)?.length ?? 0) > limits.maxEntries) {
    const past = countEntryIndicators(text, limits.maxEntries);
    if (past.count > limits.maxEntries) return { notPlainAt: past.offset, tooManyEntries: true };
  }
  let events: Event[];
  try {
    // One more level than allowed: js-yaml stops there, the walk below tells the exact depth.
    events = parseEvents(text, { maxDepth: limits.maxDepth + 1 });
  } catch (error) {
    if (!(error instanceof YAMLException)) return {};
    return { notPlainAt: error.mark?.position, ...(/nesting exceeded maxDepth/.test(error.reason) ? { tooDeep: true as const } : {}) };
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
        const unusual = unusualScalar(text, event);
        if (unusual !== undefined) return { notPlainAt: unusual };
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
        if (event.style === COLLECTION_STYLE_FLOW && !closesOnItsLine(text, event.start)) return { notPlainAt: event.start };
        const node: PlainNode = event.type === EVENT_MAPPING ? { offset: event.start, entries: new Map() } : { offset: event.start, items: [] };
        if (!attach(node)) return { notPlainAt: event.start };
        stack.push({ node });
        if (stack.length > limits.maxDepth) return { notPlainAt: event.start, tooDeep: true };
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

/** Characters from a key's start to its `:` the fast path takes (the yaml library's limit is 1,024). */
const MAX_KEY_SPAN = 1000;

/** The key as a JavaScript object holds it, or undefined when it is not plain text. */
function keyText(text: string, event: ScalarEvent): string | undefined {
  // An implicit key's `:` is at most 1,024 characters from its start (YAML 1.2 §7.4.x): the yaml
  // library refuses farther ones, blanks before the `:` included.
  if (event.valueStart < 0) return undefined;
  let colon = event.style === SCALAR_STYLE_PLAIN ? event.valueEnd : event.valueEnd + 1;
  while (text[colon] === ' ' || text[colon] === '\t') colon++;
  if (colon - event.valueStart > MAX_KEY_SPAN) return undefined;
  const value = getScalarValue(text, event);
  if (event.style === SCALAR_STYLE_PLAIN && NOT_TEXT_KEY.test(value)) return undefined;
  if (event.style !== SCALAR_STYLE_PLAIN && event.style !== SCALAR_STYLE_SINGLE_QUOTED && event.style !== SCALAR_STYLE_DOUBLE_QUOTED) return undefined;
  return value === '__proto__' ? undefined : value;
}

/** Plain scalars the core schema reads as numbers (YAML 1.2 §10.3.2). */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * Where a scalar may read differently in the two libraries: a quoted one spanning lines (line
 * folding and escaped line breaks) or holding a `\U` escape, a block scalar with a blank line of spaces or an indentation
 * indicator (trailing blanks kept differently), a number past the double range (Infinity for one
 * library, text for the other).
 */
function unusualScalar(text: string, event: ScalarEvent): number | undefined {
  if (event.valueStart < 0) return undefined;
  const source = text.slice(event.valueStart, event.valueEnd);
  switch (event.style) {
    case SCALAR_STYLE_SINGLE_QUOTED:
      return source.includes('\n') ? event.valueStart - 1 : undefined;
    case SCALAR_STYLE_DOUBLE_QUOTED:
      // `\U` (8 hex digits) may name no code point (past U+10FFFF): refused by the yaml library, lone surrogates for js-yaml.
      return source.includes('\n') || source.includes('\\U') ? event.valueStart - 1 : undefined;
    case SCALAR_STYLE_LITERAL_BLOCK:
    case SCALAR_STYLE_FOLDED_BLOCK: {
      const header = text.slice(text.lastIndexOf('\n', event.valueStart - 2) + 1, event.valueStart);
      return /^[ \t]+\r?$/m.test(source) || /[|>][-+]?[1-9]/.test(header) ? event.valueStart : undefined;
    }
    default:
      return CORE_NUMBER.test(source) && !Number.isFinite(Number(source)) ? event.valueStart : undefined;
  }
}

/** Whether the flow collection opening at `start` closes on the same line (quotes skipped): one spanning lines is left to the yaml library. */
function closesOnItsLine(text: string, start: number): boolean {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '\n') return false;
    if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      if (--depth === 0) return true;
    } else if (char === '"' || char === "'") {
      at = quoteEnd(text, at);
      if (at < 0) return false;
    }
  }
  return false;
}

/** Offset of the quote closing the one at `start` on its line, or -1. */
function quoteEnd(text: string, start: number): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length && text[at] !== '\n'; at++) {
    if (quote === '"' && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return at;
    }
  }
  return -1;
}

/** Line and column (1-based) of `offset` in `text`, lines ending at `\n` as the yaml library's LineCounter counts them. */
export function linePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let next = text.indexOf('\n'); next >= 0 && next < offset; next = text.indexOf('\n', next + 1)) {
    line++;
    lineStart = next + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
