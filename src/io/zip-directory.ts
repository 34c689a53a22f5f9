// Opens an untrusted zip (xlsx workbook, IHE_XDM archive, zipped deposit) and reads its central
// directory only: entry count, each entry's declared size and the declared total are bounded BEFORE
// a byte is inflated, so a zip bomb costs milliseconds and no memory. yauzl refuses `..` and
// absolute entry names while listing, and later a stream longer than its declared size.
//
// Names are compared as the readers of these formats compare them: separators `/` (a `\` written
// by .NET/PowerShell is read as one and reported), Unicode NFC, and without regard to case (OPC
// part names, ECMA-376 Part 2 §6.2.2.3; FAT-born XDM media). Two entries that are then the same
// name are refused: tools disagree on which copy they extract. Entries are read with their CRC-32
// checked and the local header's name compared with the central directory's.
import { createHash } from 'node:crypto';
import { fstat, read } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type * as Yauzl from 'yauzl';
import type { Entry, Options, ZipFile } from 'yauzl';
import { requireCjs } from '../util/require-cjs.js';
import { decodeWith } from './decode.js';

// yauzl is CommonJS: required, not imported (util/require-cjs.ts).
const yauzl = requireCjs('yauzl') as typeof Yauzl;

export interface ZipLimits {
  maxEntries: number;
  /** Bound on the sum of declared uncompressed sizes, in bytes. */
  maxTotalBytes: number;
  /** Bound on one entry's declared uncompressed size, in bytes (none when absent). */
  maxEntryBytes?: number;
}

export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'unsafe-name'; entry: string; detail: string }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'entry-too-large'; entry: string; size: number }
  | { kind: 'too-large' }
  | { kind: 'duplicate-entry'; entry: string }
  /** A name flagged UTF-8 (or a Unicode Path field) that is not UTF-8: `entry` is the name up to the byte, `byte` its hex, `offset` its 0-based place in the name. */
  | { kind: 'undecodable-name'; entry: string; byte: string; offset: number };

export interface ZipEntryRef {
  /** `/`-separated, NFC. */
  name: string;
  entry: Entry;
  /** The stored name used `\` as separator (non-standard: APPNOTE 4.4.17 requires `/`). */
  backslash: boolean;
}

export interface OpenedZip {
  zip: ZipFile;
  /** Files by normalised name (folders excluded), in central-directory order. */
  entries: Map<string, ZipEntryRef>;
  /** Exact name, else the one name equal to `wanted` without regard to case. */
  find(wanted: string): ZipEntryRef | undefined;
  close(): void;
}

export type ZipDirectory = ({ ok: true } & OpenedZip) | { ok: false; problem: ZipProblem };

/** `source`: the archive's bytes, or an open descriptor already checked (io/safe-open.ts). */
export async function openZipDirectory(source: Buffer | number, limits: ZipLimits): Promise<ZipDirectory> {
  let zip: ZipFile;
  const options = { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true };
  try {
    zip = await openZip(source, options);
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message } };
  }
  const listed =
    zip.entryCount > limits.maxEntries
      ? { problem: { kind: 'too-many-entries', count: zip.entryCount } as const }
      : await listEntries(zip, limits);
  if ('problem' in listed) {
    zip.close();
    return { ok: false, problem: listed.problem };
  }
  const byFoldedName = new Map<string, ZipEntryRef>();
  for (const ref of listed.entries.values()) byFoldedName.set(foldName(ref.name), ref);
  return {
    ok: true,
    zip,
    entries: listed.entries,
    find: (wanted) => listed.entries.get(wanted) ?? byFoldedName.get(foldName(normaliseName(wanted))),
    close: () => zip.close(),
  };
}

/**
 * yauzl over bytes, or over a descriptor the caller owns: yauzl's own `fromFd` closes the descriptor
 * with the archive, which would pull it from under the caller (io/safe-open.ts opened it).
 */
export function openZip(source: Buffer | number, options: Options): Promise<ZipFile> {
  if (typeof source !== 'number') return yauzl.fromBufferPromise(source, options);
  const fd = source;
  const reader = new (class extends yauzl.RandomAccessReader {
    override _readStreamForRange(start: number, end: number) {
      return rangeStream(fd, start, end);
    }
    override close(callback: (error: Error | null) => void) {
      callback(null); // the descriptor belongs to the caller
    }
  })();
  return new Promise((resolve, reject) => {
    fstat(fd, (error, info) => {
      if (error) return reject(error);
      yauzl.fromRandomAccessReader(reader, info.size, { ...options, lazyEntries: true }, (openError, zip) => (openError ? reject(openError) : resolve(zip)));
    });
  });
}

/** Bytes `[start, end)` of `fd` by positioned reads; never closes the descriptor (fs streams do on destroy). */
function rangeStream(fd: number, start: number, end: number): Readable {
  let position = start;
  return new Readable({
    read(size) {
      const length = Math.min(size, end - position);
      if (length <= 0) return void this.push(null);
      const buffer = Buffer.allocUnsafe(length);
      read(fd, buffer, 0, length, position, (error, bytesRead) => {
        if (error) return this.destroy(error);
        if (bytesRead === 0) return void this.push(null);
        position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      });
    },
  });
}

export function normaliseName(name: string): string {
  return name.replaceAll('\\', '/').normalize('NFC');
}

function foldName(name: string): string {
  return name.toUpperCase();
}

/** The stored name's bytes, `\\` as `/` and ASCII letters upper-cased, as a key apart from decoded names. */
function rawNameKey(stored: Buffer): string {
  const bytes = Uint8Array.from(stored, (byte) => (byte === 0x5c ? 0x2f : byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte));
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x2f) end--;
  return `raw:${Buffer.from(bytes.subarray(0, end)).toString('hex')}`;
}

function listEntries(zip: ZipFile, limits: ZipLimits): Promise<{ entries: Map<string, ZipEntryRef> } | { problem: ZipProblem }> {
  return new Promise((resolve) => {
    const entries = new Map<string, ZipEntryRef>();
    const folded = new Set<string>();
    let total = 0;
    const stop = (problem: ZipProblem): void => {
      zip.removeAllListeners('entry');
      resolve({ problem });
    };
    zip.on('entry', (entry: Entry) => {
      const undecodable = undecodableName(entry);
      if (undecodable) return stop(undecodable);
      if (limits.maxEntryBytes !== undefined && entry.uncompressedSize > limits.maxEntryBytes) {
        return stop({ kind: 'entry-too-large', entry: entry.fileName, size: entry.uncompressedSize });
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return stop({ kind: 'too-large' });
      const name = normaliseName(entry.fileName);
      const key = foldName(name.endsWith('/') ? name.slice(0, -1) : name);
      // The stored bytes count too: a Unicode Path extra field (0x7075) can give two entries stored
      // under the same name different decoded names, and a streaming extractor sees the stored one.
      const raw = rawNameKey(entry.fileNameRaw);
      if (folded.has(key) || folded.has(raw)) return stop({ kind: 'duplicate-entry', entry: name });
      folded.add(key);
      folded.add(raw);
      if (!name.endsWith('/')) entries.set(name, { name, entry, backslash: entry.fileNameRaw.includes(0x5c) });
      zip.readEntry();
    });
    zip.once('end', () => resolve({ entries }));
    zip.once('error', (error: Error) => stop(listingProblem(error)));
    zip.readEntry();
  });
}

/**
 * The bytes yauzl decodes as UTF-8 for this entry's name (the first Info-ZIP Unicode Path field,
 * 0x7075, version 1, whose CRC-32 matches the stored name; else the stored name when general purpose
 * bit 11 says UTF-8, APPNOTE 4.4.4), or undefined for a CP437 name (every byte is a character).
 */
function utf8NameBytes(entry: Entry): Buffer | undefined {
  for (const field of entry.extraFields) {
    if (field.id !== 0x7075 || field.data.length < 6 || field.data[0] !== 1) continue;
    if ((crc32(entry.fileNameRaw) >>> 0) !== field.data.readUInt32LE(1)) continue;
    return field.data.subarray(5);
  }
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? entry.fileNameRaw : undefined;
}

/**
 * yauzl decodes UTF-8 names without failing: invalid bytes become U+FFFD, so a name would be shown
 * wrong in a verdict and two different names could look like one. They are decoded strictly here.
 */
function undecodableName(entry: Entry): ZipProblem | undefined {
  const bytes = utf8NameBytes(entry);
  if (!bytes) return undefined;
  const decoded = decodeWith(bytes, 'utf-8');
  if (decoded.ok || decoded.problem.kind !== 'invalid-bytes') return undefined;
  const offset = decoded.problem.byteOffset;
  const before = decodeWith(bytes.subarray(0, offset), 'utf-8');
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return { kind: 'undecodable-name', entry: before.ok ? normaliseName(before.text) : '', byte, offset };
}

/** yauzl names the offending entry in its message: an unsafe name is a problem of its own. */
function listingProblem(error: Error): ZipProblem {
  const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(error.message);
  if (unsafe) return { kind: 'unsafe-name', entry: unsafe[1]!, detail: error.message };
  return { kind: 'unreadable', detail: error.message };
}

export type EntryReadProblem =
  | { kind: 'encrypted' }
  | { kind: 'crc-mismatch'; expected: number; actual: number }
  | { kind: 'name-mismatch'; localName: string }
  | { kind: 'unreadable'; detail: string };

export type EntryRead = { ok: true; bytes: Buffer } | { ok: false; problem: EntryReadProblem };

/**
 * Bytes a caller may still inflate from untrusted archives (an XDM, the message carrying several):
 * entries are charged their declared uncompressed size before a byte is inflated.
 */
export interface InflationBudget {
  /** Reserves `bytes`; false, and nothing reserved, when they do not fit. */
  take(bytes: number): boolean;
}

/**
 * An inflation budget of `limit` bytes. Once it refused an entry it refuses every later one, even a
 * smaller one: what a reader checked is then a prefix of what it meant to read, said in one finding.
 */
export class ByteBudget implements InflationBudget {
  private used = 0;
  private closed = false;

  constructor(readonly limit: number) {}

  /** Bytes granted so far. */
  get spent(): number {
    return this.used;
  }

  /** Whether `bytes` would be granted now (nothing reserved). */
  fits(bytes: number): boolean {
    return !this.closed && this.used + bytes <= this.limit;
  }

  take(bytes: number): boolean {
    if (!this.fits(bytes)) {
      this.closed = true;
      return false;
    }
    this.used += bytes;
    return true;
  }
}

/** How many bytes present buy: `ratio` × `bytesPresent`, at least `minBytes`, at most `maxBytes`. */
export function proportionalBudget(bytesPresent: number, bounds: { ratio: number; minBytes: number; maxBytes: number }): number {
  return Math.min(bounds.maxBytes, Math.max(bounds.minBytes, bounds.ratio * bytesPresent));
}

export interface EntryReadOptions {
  /** Charged with the entry's declared size before inflating; an entry that does not fit is not read. */
  budget?: InflationBudget;
}

/** The entry was not read: its declared `size` did not fit the budget (or the budget was closed). */
export type OverBudget = { ok: false; problem: { kind: 'over-budget'; size: number } };

/**
 * Inflates one entry into memory (its declared size was bounded when listing; yauzl stops a stream
 * that runs longer), then checks its CRC-32 and that the local header names the same file as the
 * central directory (a mismatch lets two tools see two different archives). With a budget, the
 * entry's declared size is charged first.
 */
export function readZipEntry(zip: ZipFile, ref: ZipEntryRef): Promise<EntryRead>;
export function readZipEntry(zip: ZipFile, ref: ZipEntryRef, options: EntryReadOptions): Promise<EntryRead | OverBudget>;
export async function readZipEntry(zip: ZipFile, ref: ZipEntryRef, options: EntryReadOptions = {}): Promise<EntryRead | OverBudget> {
  const chunks: Buffer[] = [];
  const inflated = await inflateEntry(zip, ref, (chunk) => void chunks.push(chunk), options);
  return inflated.ok ? { ok: true, bytes: Buffer.concat(chunks, inflated.size) } : inflated;
}

export type EntryDigest = { ok: true; digest: string; size: number } | { ok: false; problem: EntryReadProblem };

/**
 * The `algorithm` digest (lower-case hex, e.g. `sha1`) and length of one entry, computed as it
 * inflates: nothing of the entry is held in memory. Same checks and budget as `readZipEntry`.
 */
export async function digestZipEntry(zip: ZipFile, ref: ZipEntryRef, algorithm: string, options: EntryReadOptions = {}): Promise<EntryDigest | OverBudget> {
  const hash = createHash(algorithm);
  const inflated = await inflateEntry(zip, ref, (chunk) => void hash.update(chunk), options);
  return inflated.ok ? { ok: true, digest: hash.digest('hex'), size: inflated.size } : inflated;
}

/** Streams one entry's bytes to `sink` chunk by chunk; the CRC-32 is computed on the way. */
async function inflateEntry(
  zip: ZipFile,
  ref: ZipEntryRef,
  sink: (chunk: Buffer) => void,
  options: EntryReadOptions,
): Promise<{ ok: true; size: number } | { ok: false; problem: EntryReadProblem } | OverBudget> {
  const { entry } = ref;
  if (entry.isEncrypted()) return { ok: false, problem: { kind: 'encrypted' } };
  try {
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!local.fileName.equals(entry.fileNameRaw)) {
      const shown = decodeWith(local.fileName, 'iso-8859-1');
      return { ok: false, problem: { kind: 'name-mismatch', localName: shown.ok ? normaliseName(shown.text) : '?' } };
    }
    if (options.budget && !options.budget.take(entry.uncompressedSize)) return { ok: false, problem: { kind: 'over-budget', size: entry.uncompressedSize } };
    const stream = await zip.openReadStreamPromise(entry);
    let size = 0;
    let actual = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      // yauzl checks the length when asked to (openZipDirectory does); a budget must not depend on it.
      if (size > entry.uncompressedSize) {
        stream.destroy();
        return { ok: false, problem: { kind: 'unreadable', detail: 'too many bytes in the stream' } };
      }
      actual = crc32(chunk as Buffer, actual);
      sink(chunk as Buffer);
    }
    actual >>>= 0;
    if (actual !== entry.crc32 >>> 0) return { ok: false, problem: { kind: 'crc-mismatch', expected: entry.crc32 >>> 0, actual } };
    return { ok: true, size };
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message } };
  }
}
