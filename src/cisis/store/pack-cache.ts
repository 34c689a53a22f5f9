// Compiled packs live in the user's cache folder ($XDG_CACHE_HOME/segur, else ~/.cache/segur),
// under `cisis/<key>/`, where the key is the SHA-256 of segur's version, the pack format and every
// source file (path and content): a changed schematron or value set, or another segur version,
// compiles anew; the same sources are compiled once. A folder is written whole in a temporary
// folder then renamed: a reader never sees half a cache. Hashing 13 MB of sources on every run
// would cost more than a small validation, so a fingerprint of their sizes and dates remembers the
// key of a tree already hashed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeIoError, SegurError } from '../../errors.js';
import { decodeText } from '../../io/decode.js';
import { toolVersion } from '../../version.js';
import { PACK_FORMAT, PackSchema, type Pack } from '../pack.js';
import { sourceFiles, type CisisTree } from './tree.js';
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

/** The cache key of a tree's sources (SHA-256, hex). */
export function treeKey(tree: CisisTree, cache = cacheFolder()): string {
  const files = sourceFiles(tree);
  const fingerprint = createHash('sha256');
  for (const file of files) {
    const stats = statSync(join(tree.root, file));
    fingerprint.update(`${file}\u0000${stats.size}\u0000${stats.mtimeMs}\n`);
  }
  const print = fingerprint.digest('hex');
  const memo = join(cache, 'trees', `${createHash('sha256').update(tree.root).digest('hex')}.json`);
  try {
    const remembered = JSON.parse(readJsonText(memo)) as { fingerprint?: string; key?: string; segur?: string };
    if (remembered.fingerprint === print && remembered.segur === toolVersion() && typeof remembered.key === 'string') return remembered.key;
  } catch {
    // no memo yet, or unreadable: hash the sources
  }
  const key = createHash('sha256').update(`segur ${toolVersion()}\u0000${PACK_FORMAT}\n`);
  for (const file of files) {
    key.update(`${file}\u0000`);
    key.update(createHash('sha256').update(readFileSync(join(tree.root, file))).digest('hex'));
    key.update('\n');
  }
  const digest = key.digest('hex');
  try {
    mkdirSync(join(cache, 'trees'), { recursive: true });
    writeAtomic(memo, JSON.stringify({ fingerprint: print, key: digest, segur: toolVersion() }));
  } catch {
    // a cache that cannot be written only costs a re-hash next time
  }
  return digest;
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
 * then rename). When another process wrote the same key first, its folder is kept.
 */
export function writePacks(cache: string, key: string, packs: readonly Pack[], index: PackIndex): string {
  const target = join(cache, key);
  const temporary = join(cache, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(temporary, { recursive: true });
    for (const pack of packs) writeFileSync(join(temporary, packFile(pack.volet)), JSON.stringify(pack));
    writeFileSync(join(temporary, INDEX_FILE), JSON.stringify(index, null, 1));
    rmSync(target, { recursive: true, force: true });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (readIndex(target)) return target;
    throw new SegurError('cisis/cache-not-writable', { dir: cache, reason: describeIoError(error) }, { cause: error });
  }
  return target;
}

export function packFile(volet: string): string {
  return `${volet.replace(/[^\w.-]/g, '_')}.json`;
}

function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** segur's own cache files: JSON written by this code, decoded strictly all the same (a damaged file is recompiled). */
function readJsonText(path: string): string {
  const decoded = decodeText(readFileSync(path), { xml: false });
  if (!decoded.ok) throw new Error(`${path}: not UTF-8`);
  return decoded.text;
}
