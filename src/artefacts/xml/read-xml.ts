// Safe streaming XML reading for untrusted artefacts. A DOCTYPE (the door to entity expansion and
// external entities) ends the read before anything is expanded or fetched; the file is read in
// chunks under a size cap, and only the elements the caller keeps are held in memory. saxes knows
// only the five predefined entities and decodes numeric references, so nothing else is expanded.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { TextDecoder } from 'node:util';
import type { XmlNode } from './node.js';

export const DEFAULT_LIMITS = {
  /** Larger files are refused unread (the largest ANS example is ≈3 MB). */
  maxBytes: 64 * 1024 * 1024,
  /** Elements kept in the tree; a header needs a few hundred. */
  maxNodes: 50_000,
  maxDepth: 256,
  /** Characters of text kept per element (titles, identifiers); the rest is ignored. */
  maxTextPerNode: 4096,
};

/** Receives the raw character content of one element, chunk by chunk, without it being buffered. */
export interface RawTextSink {
  write(chunk: string): void;
  end(): void;
}

export interface ReadXmlOptions {
  limits?: Partial<typeof DEFAULT_LIMITS>;
  /**
   * Called when an element opens (its attributes known). `stop` ends the read there (the rules need
   * nothing further); a sink receives the element's raw text, after which the read ends too.
   */
  onOpen?: (node: XmlNode, depth: number) => 'stop' | RawTextSink | undefined;
}

export type XmlReadOutcome =
  | { status: 'ok'; root: XmlNode; complete: boolean }
  | { status: 'doctype'; line: number }
  | { status: 'malformed'; line: number; column: number; detail: string }
  | { status: 'too-large'; size: number; limit: number }
  | { status: 'too-many-nodes'; line: number; limit: number }
  | { status: 'too-deep'; line: number; limit: number }
  | { status: 'no-root' };

const CHUNK_BYTES = 64 * 1024;
/** Reused by every read (reads are synchronous, never interleaved): no 64 KB allocation per file. */
const chunkBuffer = Buffer.allocUnsafe(CHUNK_BYTES);

class StopReading {
  constructor(readonly outcome?: XmlReadOutcome) {}
}

/** Reads `path` (throws only on I/O errors: the caller decides whether that is fatal). */
export function readXmlFile(path: string, options: ReadXmlOptions = {}): XmlReadOutcome {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limits.maxBytes) return { status: 'too-large', size, limit: limits.maxBytes };
    return readOpenFile(fd, limits, options.onOpen);
  } finally {
    closeSync(fd);
  }
}

function readOpenFile(
  fd: number,
  limits: typeof DEFAULT_LIMITS,
  onOpen: ReadXmlOptions['onOpen'],
): XmlReadOutcome {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let nodeCount = 0;
  let sink: RawTextSink | undefined;

  parser.on('doctype', () => {
    throw new StopReading({ status: 'doctype', line: parser.line });
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const node: XmlNode = {
      name: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
      parent,
    };
    if (++nodeCount > limits.maxNodes) {
      throw new StopReading({ status: 'too-many-nodes', line: parser.line, limit: limits.maxNodes });
    }
    if (stack.length >= limits.maxDepth) {
      throw new StopReading({ status: 'too-deep', line: parser.line, limit: limits.maxDepth });
    }
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
    const decision = onOpen?.(node, stack.length - 1);
    if (decision === 'stop') throw new StopReading();
    if (decision && !tag.isSelfClosing) {
      sink = decision;
      throw new StopReading();
    }
  });
  const appendText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current && current.text.length < limits.maxTextPerNode) {
      current.text = (current.text + text).slice(0, limits.maxTextPerNode);
    }
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node) node.text = node.text.trim();
  });

  const buffer = chunkBuffer;
  let decoder: TextDecoder | undefined;
  let fedChars = 0;
  let complete = true;
  for (;;) {
    const bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
    decoder ??= new TextDecoder(declaredEncoding(buffer.subarray(0, bytes)));
    const chunk = bytes > 0 ? decoder.decode(buffer.subarray(0, bytes), { stream: true }) : decoder.decode();
    if (sink) {
      if (streamRawText(chunk, sink)) break;
      if (bytes === 0) {
        sink.end();
        break;
      }
      continue;
    }
    try {
      if (bytes === 0) {
        parser.close();
        break;
      }
      parser.write(chunk);
      fedChars += chunk.length;
    } catch (error) {
      if (error instanceof StopReading) {
        if (error.outcome) return error.outcome;
        complete = false;
        if (!sink) break;
        // The rest of the current chunk after the element's start tag is raw text for the sink.
        const rest = chunk.slice(parser.position - fedChars);
        fedChars += chunk.length;
        if (streamRawText(rest, sink)) break;
        continue;
      }
      return { status: 'malformed', line: parser.line, column: parser.column, detail: saxesDetail(error) };
    }
  }
  for (const node of stack) node.text = node.text.trim();
  return root ? { status: 'ok', root, complete } : { status: 'no-root' };
}

/** Feeds text up to the next markup to the sink; true when that markup was reached (sink ended). */
function streamRawText(chunk: string, sink: RawTextSink): boolean {
  const end = chunk.indexOf('<');
  if (end < 0) {
    sink.write(chunk);
    return false;
  }
  sink.write(chunk.slice(0, end));
  sink.end();
  return true;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The XML declaration's encoding when it is a single-byte one; UTF-8 (BOM handled) otherwise. */
function declaredEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const declaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.toString('latin1', 0, 200));
  const encoding = declaration?.[1]?.toLowerCase();
  if (encoding && /^(iso-8859-1|iso-8859-15|latin1|windows-1252|cp1252)$/.test(encoding)) return 'windows-1252';
  return 'utf-8';
}

/** saxes messages look like `1:20: text outside of root node.`: keep the reason only. */
function saxesDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
}
