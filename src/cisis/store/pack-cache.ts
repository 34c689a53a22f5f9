// Compiled packs live in the user's cache folder ($XDG_CACHE_HOME/segur, else ~/.cache/segur),
// under `cisis/<key>/`, where the key is the SHA-256 of segur's version, the pack format and every
// source file (path and content): a changed schematron or value set, or another segur version,
// compiles anew; the same sources are compiled once. A folder is written whole in a temporary
// folder then renamed: a reader never sees half a cache. Hashing 13 MB of sources on every run
// would cost more than a small validation, so a fingerprint of their sizes and dates remembers the
// key of a tree already hashed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeIoError, SegurError } from '../../errors.js';
import { decodeText } from '../../io/decode.js';
import { toolBuild } from '../../version.js';
import { PACK_FORMAT, PackSchema, type Pack } from '../pack.js';
import type { CisisTree, SourceEntry } from './tree.js';
import { hashCheckedSync, readCheckedSync } from '../../io/safe-open.js';
import { removeOnInterrupt } from '../../io/cleanup.js';
import { MAX_TREE_FILE_BYTES } from '../compile/read-tree-file.js';
import { z } from 'zod';

export const INDEX_FILE = 'index.json';

export const PackSummarySchema = z.strictObject({
  volet: z.string(),
  file: z.string(),
  source: z.string(),
  patterns: z.number(),
  rules: z.number(),
  asserts: z.number(),
  valueSets: z.number(),
  diagnostics: z.strictObject({ error: z.number(), warning: z.number(), info: z.number() }),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;

export const PackIndexSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  key: z.string(),
  tree: z.string(),
  segur: z.string(),
  volets: z.array(PackSummarySchema),
});
export type PackIndex = z.infer<typeof PackIndexSchema>;

export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? join(env.XDG_CACHE_HOME, 'segur') : join(homedir(), '.cache', 'segur');
  return join(base, 'cisis');
}

/** Bytes hashed for one key at most (the ANS sources are ≈30 MB): a larger tree is refused, not hashed for minutes. */
export const MAX_SOURCE_BYTES = 1024 * 1024 * 1024;

/**
 * The cache key of a tree's sources (SHA-256, hex): segur's version, the pack format, and each
 * entry of `sources` (tree.ts sourceFiles) — path, then the SHA-256 of a regular file's bytes
 * (streamed through the safe open; a file beyond the compiler's own size cap is keyed by its size,
 * as the compiler refuses it unread), or what else stands there. A fingerprint of the entries
 * (sizes, dates, device and inode) remembers the key of a tree already hashed.
 * SegurError (exit 2) when the files to hash exceed MAX_SOURCE_BYTES.
 */
export function treeKey(tree: CisisTree, sources: readonly SourceEntry[], cache = cacheFolder()): string {
  const fingerprint = createHash('sha256');
  for (const entry of sources) {
    const facts = entry.kind === 'file' ? [entry.size, entry.mtimeMs, entry.ctimeMs, entry.dev, entry.ino].join('\u0000') : entry.kind;
    fingerprint.update(`${entry.path}\u0000${facts}\n`);
  }
  const print = fingerprint.digest('hex');
  const memo = join(cache, 'trees', `${createHash('sha256').update(tree.root).digest('hex')}.json`);
  try {
    const remembered = JSON.parse(readJsonText(memo)) as { fingerprint?: string; key?: string; segur?: string };
    if (remembered.fingerprint === print && remembered.segur === toolBuild() && typeof remembered.key === 'string') return remembered.key;
  } catch {
    // no memo yet, or unreadable: hash the sources
  }
  const hashed = sources.reduce((total, entry) => total + (entry.kind === 'file' && entry.size <= MAX_TREE_FILE_BYTES ? entry.size : 0), 0);
  if (hashed > MAX_SOURCE_BYTES) throw new SegurError('cisis/tree-too-large', { dir: tree.root, size: hashed, limit: MAX_SOURCE_BYTES });
  const key = createHash('sha256').update(`segur ${toolBuild()}\u0000${PACK_FORMAT}\n`);
  for (const entry of sources) key.update(`${entry.path}\u0000${contentKey(tree.root, entry)}\n`);
  const digest = key.digest('hex');
  try {
    mkdirSync(join(cache, 'trees'), { recursive: true });
    writeAtomic(memo, JSON.stringify({ fingerprint: print, key: digest, segur: toolBuild() }));
  } catch {
    // a cache that cannot be written only costs a re-hash next time
  }
  return digest;
}

/** What stands for an entry's content in the key: the SHA-256 of the bytes the compiler would read, or why it would read none. */
function contentKey(root: string, entry: SourceEntry): string {
  if (entry.kind !== 'file') return entry.kind;
  const hashed = hashCheckedSync(join(root, entry.path), { followSymlinks: true, maxBytes: MAX_TREE_FILE_BYTES });
  if (hashed.ok) return hashed.sha256;
  const { problem } = hashed;
  return problem.kind === 'too-large' ? `too-large ${problem.size}` : problem.kind === 'not-a-file' ? problem.type : problem.kind;
}

/** The index of a compiled tree, or undefined when absent or unusable (then recompiled). */
export function readIndex(packDir: string): PackIndex | undefined {
  try {
    const parsed = PackIndexSchema.safeParse(JSON.parse(readJsonText(join(packDir, INDEX_FILE))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, Pack>();

/** Reads and validates one pack (kept for the process: pool workers read each pack once). */
export function loadPack(packDir: string, file: string): Pack {
  const path = join(packDir, file);
  const cached = loaded.get(path);
  if (cached) return cached;
  let parsed;
  try {
    parsed = PackSchema.safeParse(JSON.parse(readJsonText(path)));
  } catch (error) {
    throw new SegurError('cisis/pack-unreadable', { file: path, reason: describeIoError(error) }, { cause: error });
  }
  if (!parsed.success) throw new SegurError('cisis/pack-unreadable', { file: path, reason: parsed.error.issues[0]?.message ?? 'format' });
  loaded.set(path, parsed.data);
  return parsed.data;
}

/**
 * Writes a compiled tree's packs and index into `<cache>/<key>/` atomically (temporary folder,
 * then rename). When another process wrote the same key first, its folder is kept. The temporary
 * folder is registered for removal on SIGINT/SIGTERM (io/cleanup.ts), and each file is written
 * asynchronously so that a signal is handled between two files: Ctrl-C removes the folder and the
 * run exits 130 (143 on SIGTERM).
 */
export async function writePacks(cache: string, key: string, packs: readonly Pack[], index: PackIndex): Promise<string> {
  const target = join(cache, key);
  const temporary = join(cache, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const forget = removeOnInterrupt(temporary);
  try {
    await mkdir(temporary, { recursive: true });
    for (const pack of packs) await writeFile(join(temporary, packFile(pack.volet)), JSON.stringify(pack));
    await writeFile(join(temporary, INDEX_FILE), JSON.stringify(index, null, 1));
    await rm(target, { recursive: true, force: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (readIndex(target)) return target;
    throw new SegurError('cisis/cache-not-writable', { dir: cache, reason: describeIoError(error) }, { cause: error });
  } finally {
    forget();
  }
  return target;
}

export function packFile(volet: string): string {
  return `${volet.replace(/[^\w.-]/g, '_')}.json`;
}

function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const forget = removeOnInterrupt(temporary);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    forget();
  }
}

/** A cache file larger than this was not written by segur (the largest pack is ≈0.2 MB). */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * segur's own cache files: JSON written by this code, read through the safe open (a regular file,
 * not a link, capped) and decoded strictly all the same (a damaged file is recompiled).
 */
function readJsonText(path: string): string {
  const read = readCheckedSync(path, { followSymlinks: false, maxBytes: MAX_CACHE_FILE_BYTES });
  if (!read.ok) throw new Error(`${path}: ${read.problem.kind}`);
  const decoded = decodeText(read.bytes, { xml: false });
  if (!decoded.ok) throw new Error(`${path}: not UTF-8`);
  return decoded.text;
}
