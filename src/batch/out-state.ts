// What segur batch knows of its `--out` folder, kept in `<out>/.segur-batch/`: one entry per bundle
// (the report files it wrote there with their SHA-256, the cache key of the check that made them and
// the bundle's result) and `run.json` (the batch-level files). The entries are the run manifest: a
// later run removes stale files it finds there, and only those — a file is removed only when it is
// still a regular file with the bytes segur wrote. Every state file is written atomically, and an
// entry only after the files it lists: an interrupted run leaves finished bundles complete, listed,
// and reusable by `--resume`; anything it wrote for an unfinished bundle is listed beforehand.
import { createHash } from 'node:crypto';
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { decodeText } from '../io/decode.js';
import { readChecked } from '../io/safe-open.js';
import { fileDigest } from './bundle-digest.js';
import { makeFolders } from './folders.js';
import type { BundleResult } from './bundle-result.js';

export const STATE_DIR = '.segur-batch';
const ENTRY_SCHEMA = 'segur-batch-entry/1';
const RUN_SCHEMA = 'segur-batch-run/1';

export interface OwnedFile {
  /** Relative to `--out`, POSIX separators. */
  path: string;
  /** null: about to be written (listed before writing, so an interruption leaves nothing unlisted). */
  sha256: string | null;
}

export interface BundleEntry {
  schema: typeof ENTRY_SCHEMA;
  name: string;
  /** Cache key of the check whose reports are listed; null when not reusable (pending, error). */
  key: string | null;
  /** The catalog file the check read, its SHA-256 then, and the catalog id that named it (when one did). */
  catalog?: RecordedCatalog;
  outputs: OwnedFile[];
  result?: BundleResult;
}

export interface RecordedCatalog {
  path: string;
  sha256: string;
  id?: string;
}

/**
 * The SHA-256 of the catalog a recorded check would read now: that of `path` when the reference still
 * leads there (an id may name another file once a ./rem-catalogs/ file appears or goes), else undefined.
 */
export type CurrentCatalogDigest = (recorded: RecordedCatalog) => Promise<string | undefined>;

export class OutState {
  private constructor(
    readonly outDir: string,
    private readonly entries: Map<string, BundleEntry>,
    private readonly runOutputs: OwnedFile[],
    private readonly runKey: string | undefined,
  ) {}

  /** Reads the state left by earlier runs (unreadable or foreign state files are ignored, never removed). */
  static async open(outDir: string): Promise<OutState> {
    const entries = new Map<string, BundleEntry>();
    const folder = join(outDir, STATE_DIR, 'bundles');
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      const entry = (await readJson(join(folder, name))) as BundleEntry | undefined;
      if (entry?.schema === ENTRY_SCHEMA && typeof entry.name === 'string' && entryFile(entry.name) === name && Array.isArray(entry.outputs)) entries.set(entry.name, entry);
    }
    const run = (await readJson(join(outDir, STATE_DIR, 'run.json'))) as { schema?: string; key?: string; outputs?: OwnedFile[] } | undefined;
    const valid = run?.schema === RUN_SCHEMA && Array.isArray(run.outputs);
    return new OutState(outDir, entries, valid ? run.outputs! : [], valid && typeof run.key === 'string' ? run.key : undefined);
  }

  entry(name: string): BundleEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * The cached result of `name` when its key matches, its REM reference still leads to the same
   * catalog bytes (`currentCatalog`) and its reports are intact.
   */
  async reusable(name: string, key: string, currentCatalog: CurrentCatalogDigest): Promise<BundleResult | undefined> {
    const entry = this.entries.get(name);
    if (!entry || entry.key !== key || !entry.result || entry.result.status === 'error' || !entry.catalog) return undefined;
    if ((await currentCatalog(entry.catalog)) !== entry.catalog.sha256) return undefined;
    for (const output of entry.outputs) {
      if (output.sha256 === null || !isPlainRelative(output.path) || (await ownedDigest(join(this.outDir, output.path))) !== output.sha256) return undefined;
    }
    return entry.result;
  }

  /**
   * Records the files a bundle is about to get (with those it had), then, once `write` has written
   * them, removes the ones it had and no longer gets, and records the new entry.
   */
  async replaceBundle(name: string, planned: readonly string[], write: () => Promise<OwnedFile[]>, final: Omit<BundleEntry, 'schema' | 'name' | 'outputs'>): Promise<void> {
    const previous = this.entries.get(name)?.outputs ?? [];
    const known = new Set(previous.map((file) => file.path));
    if (planned.some((path) => !known.has(path))) {
      await this.saveEntry({ schema: ENTRY_SCHEMA, name, key: null, outputs: [...previous, ...planned.filter((path) => !known.has(path)).map((path) => ({ path, sha256: null }))] });
    }
    const written = await write();
    const kept = new Set(written.map((file) => file.path));
    await this.removeOwned(previous.filter((file) => !kept.has(file.path)));
    if (written.length === 0 && final.key === null) await this.dropEntry(name);
    else await this.saveEntry({ schema: ENTRY_SCHEMA, name, ...final, outputs: written });
  }

  /** Removes what earlier runs wrote for bundles that are no longer in the batch. */
  async forgetOthers(names: ReadonlySet<string>): Promise<void> {
    for (const [name, entry] of [...this.entries]) {
      if (names.has(name)) continue;
      await this.removeOwned(entry.outputs);
      await this.dropEntry(name);
    }
  }

  /**
   * The batch-level files of the last run are those `key` (a digest of everything they render) would
   * give, and still hold the bytes written: nothing to render again.
   */
  async runOutputsIntact(key: string): Promise<boolean> {
    if (this.runKey !== key || this.runOutputs.length === 0) return false;
    for (const output of this.runOutputs) {
      if (output.sha256 === null || !isPlainRelative(output.path) || (await ownedDigest(join(this.outDir, output.path))) !== output.sha256) return false;
    }
    return true;
  }

  /** Records the batch-level files just written, and removes those of earlier runs not written again. */
  async replaceRunOutputs(written: OwnedFile[], key: string): Promise<void> {
    const kept = new Set(written.map((file) => file.path));
    await this.removeOwned(this.runOutputs.filter((file) => !kept.has(file.path)));
    await writeState(this.outDir, `${STATE_DIR}/run.json`, { schema: RUN_SCHEMA, key, outputs: written });
  }

  private async saveEntry(entry: BundleEntry): Promise<void> {
    this.entries.set(entry.name, entry);
    await writeState(this.outDir, `${STATE_DIR}/bundles/${entryFile(entry.name)}`, entry);
  }

  private async dropEntry(name: string): Promise<void> {
    this.entries.delete(name);
    await unlink(join(this.outDir, STATE_DIR, 'bundles', entryFile(name))).catch(() => undefined);
  }

  private async removeOwned(files: readonly OwnedFile[]): Promise<void> {
    for (const file of files) {
      if (!isPlainRelative(file.path)) continue; // a state file edited to point elsewhere: ignored
      const path = join(this.outDir, file.path);
      const digest = await ownedDigest(path);
      if (digest === undefined || (file.sha256 !== null && digest !== file.sha256)) continue; // changed since, or not ours: kept
      await unlink(path).catch(() => undefined);
      await removeEmptyParents(dirname(path), this.outDir);
    }
  }
}

/** `a/b/report.json`: relative, no `.`/`..`/empty segment, no backslash — it stays inside `--out`. */
function isPlainRelative(path: unknown): path is string {
  return typeof path === 'string' && path !== '' && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** SHA-256 of what `segur` wrote there, when it is (still) a regular file; a link or folder is never ours. */
async function ownedDigest(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return fileDigest(path);
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One file per bundle, named by the SHA-256 of its name (names hold `/` and any character). */
function entryFile(name: string): string {
  return `${sha256Of(name)}.json`;
}

async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  let current = dir;
  while (current.length > stop.length && current.startsWith(stop)) {
    try {
      await rmdir(current); // fails on a folder that still holds anything: nothing else is touched
    } catch {
      return;
    }
    current = dirname(current);
  }
}

async function writeState(outDir: string, relative: string, value: unknown): Promise<void> {
  await makeFolders(outDir, dirname(relative));
  await writeFileAtomic(join(outDir, relative), `${JSON.stringify(value)}\n`);
}

/**
 * A state file segur wrote is a few KB (a bundle's outputs and verdict counts). Read through the safe
 * open like every input: a FIFO, a device, a link or a runaway file planted in --out is ignored as
 * a damaged one, at once.
 */
const MAX_STATE_FILE_BYTES = 16 * 1024 * 1024;

async function readJson(path: string): Promise<unknown> {
  try {
    const read = await readChecked(path, { followSymlinks: false, maxBytes: MAX_STATE_FILE_BYTES });
    if (!read.ok) return undefined;
    const decoded = decodeText(read.bytes, { xml: false }); // strict: a damaged state file is ignored
    return decoded.ok ? (JSON.parse(decoded.text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
