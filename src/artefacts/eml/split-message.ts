// Splits an RFC 5322 / MIME message (RFC 2045-2046) into its parts with @zone-eu/mailsplit, the
// splitter mailparser is built on: header lines and raw, still transfer-encoded bodies, nothing
// decoded. Why not postal-mime or mailparser themselves (bench/RESULTS.md, section « eml », under
// load): both decode text parts with non-fatal decoders (U+FFFD, no bytes to check), postal-mime
// bounds nesting but not breadth (10,000 parts: 0.8 s, +64 MB) and takes 290 ms, +33 MB on a 5 MB
// message, mailparser 200 ms, +28 MB and 28 packages; mailsplit splits it in 53 ms, +5 MB, with
// limits on part count and header size (its 3 pinned dependencies are mailparser's own). The part count and nesting depth
// are checked at each part's header, the header size by the splitter itself, so a message bomb is
// refused before its bodies are even collected. Parts are kept in memory (no work folder).
import { once } from 'node:events';
import type { Transform } from 'node:stream';
import type { MimeNode, SplitterChunk } from '@zone-eu/mailsplit';
import type { ArtefactFinding } from '../types.js';
import type { EmlLimits } from './limits.js';

export interface HeaderField {
  /** As written (`Content-Type`). */
  name: string;
  /** Lower-case name, for lookups. */
  key: string;
  /** Unfolded value (RFC 5322 §2.2.3), leading whitespace removed; bytes as code points 0-255. */
  raw: string;
}

export interface RawPart {
  /** IMAP-style part number (RFC 3501 §6.4.5): `1`, `1.2`; empty for a multipart root. */
  number: string;
  /** 0 for the message itself. */
  depth: number;
  headers: HeaderField[];
  /** Lower-case `type/subtype` (RFC 2045 default: `text/plain`). */
  contentType: string;
  multipart: boolean;
  /** Lower-case Content-Transfer-Encoding, empty when absent. */
  transferEncoding: string;
  /** Leaf body as it is in the message (still transfer-encoded). */
  body: Buffer;
}

export type SplitOutcome = { status: 'ok'; parts: RawPart[] } | { status: 'refused'; finding: ArtefactFinding };

/** Bytes handed to the splitter at a time: a refusal stops the work within one chunk. */
const CHUNK_BYTES = 64 * 1024;

/** `bytes`: the whole message. Refuses a message that does not start with a header field. */
export async function splitMessage(bytes: Buffer, limits: EmlLimits): Promise<SplitOutcome> {
  if (!startsWithHeader(bytes)) return refused('eml/not-a-message', {});
  const { Splitter } = (await import('@zone-eu/mailsplit')).default;
  const splitter = new Splitter({ maxHeadSize: limits.maxHeaderBytes, maxChildNodes: limits.maxParts + 1, ignoreEmbedded: true });
  const parts: RawPart[] = [];
  const chunks = new Map<RawPart, Buffer[]>();
  const placed = new Map<MimeNode, { part: RawPart; children: number }>();
  // The typings only declare 'data' listeners: the other stream events are the Transform's.
  const stream = splitter as unknown as Transform;
  let current: RawPart | undefined;
  let refusal: ArtefactFinding | undefined;

  const ended = new Promise<void>((resolve) => {
    splitter.on('data', (chunk: SplitterChunk) => {
      if (refusal) return;
      if (chunk.type === 'body') {
        if (current) chunks.get(current)!.push(chunk.value);
        return;
      }
      if (chunk.type !== 'node') return;
      const parent = chunk.parentNode ? placed.get(chunk.parentNode as MimeNode) : undefined;
      const depth = parent ? parent.part.depth + 1 : 0;
      if (parts.length >= limits.maxParts) {
        refusal = finding('eml/too-many-parts', { max: limits.maxParts });
      } else if (depth > limits.maxDepth) {
        refusal = finding('eml/too-deep', { max: limits.maxDepth });
      }
      if (refusal) return resolve();
      const multipart = chunk.multipart !== false;
      const number = parent ? [parent.part.number, String(++parent.children)].filter(Boolean).join('.') : multipart ? '' : '1';
      current = {
        number,
        depth,
        headers: chunk.headers ? chunk.headers.getList().map(headerField) : [],
        contentType: (chunk.contentType || 'text/plain').toLowerCase(),
        multipart,
        transferEncoding: (chunk.encoding || '').toLowerCase(),
        body: Buffer.alloc(0),
      };
      parts.push(current);
      chunks.set(current, []);
      placed.set(chunk, { part: current, children: 0 });
    });
    stream.on('error', (error: Error & { code?: string }) => {
      refusal ??= splitterRefusal(error, limits);
      resolve();
    });
    stream.on('end', () => resolve());
  });

  for (let at = 0; at < bytes.length && !refusal; at += CHUNK_BYTES) {
    if (!splitter.write(bytes.subarray(at, at + CHUNK_BYTES))) await Promise.race([once(splitter, 'drain'), ended]);
  }
  if (!refusal) splitter.end();
  await ended;
  if (refusal) {
    splitter.destroy();
    return { status: 'refused', finding: refusal };
  }
  for (const part of parts) part.body = Buffer.concat(chunks.get(part)!);
  return { status: 'ok', parts };
}

/** First line `Name:` (RFC 5322 §2.2 field name: printable ASCII but `:`), or an mbox `From ` line. */
function startsWithHeader(bytes: Buffer): boolean {
  const end = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, end < 0 ? Math.min(bytes.length, 1000) : Math.min(end, 1000)).toString('latin1');
  return /^[!-9;-~]+:/.test(line) || /^From /.test(line);
}

function headerField(line: { key: string; line: string }): HeaderField {
  const colon = line.line.indexOf(':');
  const name = line.line.slice(0, colon).trim();
  const raw = line.line
    .slice(colon + 1)
    .replace(/\r?\n(?=[ \t])/g, '')
    .replace(/^[ \t]+/, '')
    .replace(/[\r\n]+$/, '');
  return { name, key: name.toLowerCase(), raw };
}

function splitterRefusal(error: Error & { code?: string }, limits: EmlLimits): ArtefactFinding {
  if (error.code === 'EMAXLEN' && /child nodes/i.test(error.message)) return finding('eml/too-many-parts', { max: limits.maxParts });
  if (error.code === 'EMAXLEN') return finding('eml/header-too-large', { maxKb: Math.round(limits.maxHeaderBytes / 1024) });
  return finding('eml/mime-malformed', { detail: error.message });
}

function finding(rule: string, args: ArtefactFinding['args']): ArtefactFinding {
  return { rule, severity: 'error', args };
}

function refused(rule: string, args: ArtefactFinding['args']): SplitOutcome {
  return { status: 'refused', finding: finding(rule, args) };
}
