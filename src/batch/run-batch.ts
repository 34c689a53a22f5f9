// `segur batch` as one function: every item found in the batch folder gets one result, in name
// order whatever order the checks finish in. Each bundle is checked in a worker thread with a heap
// cap and a time budget (batch/isolation.ts): a bundle that exhausts them, or crashes its worker, is
// an `error` row and the others go on. Unchanged bundles are taken from the cache with `--resume`.
// Each bundle's reports are written, and recorded in `--out`'s state, as soon as it is done; the
// batch files last.
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SegurError } from '../errors.js';
import { removeOnInterrupt } from '../io/cleanup.js';
import { formatMessage } from '../messages/index.js';
import { normaliseProfile } from '../catalog/schema.js';
import { mapConcurrently } from '../bundle/concurrency.js';
import type { FormatName } from '../report/index.js';
import { toolBuild } from '../version.js';
import { bundleDigest, fileDigest } from './bundle-digest.js';
import { errorResult, type BundleResult } from './bundle-result.js';
import { answer, type BundleCheck, type BundleCheckSettings, type BundleProbe, type BundleTask, type WorkerRequest } from './check-one.js';
import type { BatchItem } from './find-bundles.js';
import { runIsolated, type Isolated, type IsolationFailure, type IsolationLimits } from './isolation.js';
import { OutState, sha256Of, type CurrentCatalogDigest } from './out-state.js';
import { locateCatalogById } from '../catalog/locate.js';
import { summariseBatch, type BatchSummary } from './summary.js';
import { makeFolders } from './folders.js';
import { renderHtmlWithThumbnails, renderSummaryFiles, writeFiles } from './write-outputs.js';
import { csvSeparatorFor } from '../report/render/csv-record.js';
import { appendAll } from '../util/append.js';

export interface BatchOptions {
  items: readonly BatchItem[];
  outDir: string;
  formats: readonly FormatName[];
  settings: BundleCheckSettings;
  jobs?: number;
  resume: boolean;
  limits: IsolationLimits;
  /** CSV field separator of report.csv and matrix.csv (`--csv-separator`); the language's when absent. */
  csvSeparator?: string;
  onBundleDone?: (done: number, total: number) => void;
}

export interface BatchOutcome {
  summary: BatchSummary;
  results: BundleResult[];
  /** Bundles taken unchanged from the cache (`--resume`). */
  reused: number;
  /** True when every bundle was checked and passed its gate. */
  passed: boolean;
}

export const DEFAULT_LIMITS: IsolationLimits = { heapMb: 512, timeoutMs: 600_000 };

const DIGESTS_AT_ONCE = 4;

const workerScript = fileURLToPath(new URL('./bundle-worker.js', import.meta.url));

export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const { items, settings, formats } = options;
  const csvSeparator = options.csvSeparator ?? csvSeparatorFor(settings.lang);
  const outDir = resolve(options.outDir);
  const jobs = options.jobs ?? defaultJobs();
  await makeFolders(outDir);
  const state = await OutState.open(outDir);
  const results: BundleResult[] = new Array(items.length);
  const catalogDigest = memoise(fileDigest);
  // A result is reused only for the catalog its reference names now: an id is looked up again
  // (./rem-catalogs/ first, then segur's own), a file path is the one the check read.
  const currentCatalog: CurrentCatalogDigest = async ({ path, id }) => (id === undefined || locateCatalogById(id) === path ? catalogDigest(path) : undefined);
  let done = 0;
  let reused = 0;
  const settle = (index: number, result: BundleResult): void => {
    results[index] = result;
    options.onBundleDone?.(++done, items.length);
  };

  // With --resume, each bundle is hashed here first (several at once) to know whether it changed;
  // otherwise the workers hash the bundles they check, in parallel with the checks.
  const pending: { index: number; task: BundleTask; key?: string }[] = [];
  const prepared = await mapConcurrently([...items.entries()], DIGESTS_AT_ONCE, async ([index, item]) => {
    if (item.kind === 'problem' || !options.resume) return { index, item };
    const digest = await bundleDigest(item.kind === 'folder' ? { kind: 'folder', dir: item.dir } : { kind: 'zip', file: item.file }); // a nested bundle: its whole archive
    const key = digest === undefined ? undefined : cacheKey(item, digest, settings, formats, csvSeparator);
    return { index, item, key, cached: key ? await state.reusable(item.name, key, currentCatalog) : undefined };
  });
  for (const { index, item, key, cached } of prepared) {
    if (item.kind === 'problem') {
      await state.replaceBundle(item.name, [], async () => [], { key: null });
      settle(index, errorResult(item.name, 'other', { code: item.code, message: formatMessage(item.code, item.args, { lang: settings.lang }) }));
      continue;
    }
    if (cached) {
      reused++;
      settle(index, cached);
      continue;
    }
    const source = item.kind === 'folder' ? ({ kind: 'folder', dir: item.dir } as const) : ({ kind: 'zip', file: item.file, workDir: '', ...(item.inner === undefined ? {} : { inner: item.inner }) } as const);
    pending.push({ index, task: { name: item.name, source: { ...source }, settings, digest: !options.resume, render: { formats: [...formats], outDir, csvSeparator } }, key });
  }

  const onChecked = async (entry: (typeof pending)[number], outcome: Isolated<BundleCheck>): Promise<void> => {
    const { task } = entry;
    const sourceKind = task.source.kind;
    try {
      if (!outcome.ok || outcome.value.status === 'error') {
        const error = outcome.ok ? (outcome.value as Extract<BundleCheck, { status: 'error' }>).error : isolationError(outcome.failure, options.limits, settings);
        await state.replaceBundle(task.name, [], async () => [], { key: null });
        settle(entry.index, errorResult(task.name, sourceKind, error));
        return;
      }
      const check = outcome.value;
      const { result } = check;
      const files = [...check.files];
      if (check.htmlContext) {
        const linkBase = task.source.kind === 'folder' ? task.source.dir : undefined;
        appendAll(files, (await renderHtmlWithThumbnails(task.name, check.htmlContext, { outDir, bundleRealRoot: check.bundleRealRoot, ...(linkBase === undefined ? {} : { linkBase }) })));
      }
      const catalogSha = await catalogDigest(check.catalogPath);
      const key = entry.key ?? (check.digest === undefined ? undefined : cacheKey(itemOf(task), check.digest, settings, formats, csvSeparator));
      await state.replaceBundle(
        task.name,
        files.map((file) => file.path),
        () => writeFiles(outDir, files),
        key !== undefined && catalogSha !== undefined ? { key, catalog: { path: check.catalogPath, sha256: catalogSha, ...(check.catalogId === undefined ? {} : { id: check.catalogId }) }, result } : { key: null, result },
      );
      settle(entry.index, result);
    } finally {
      if (task.source.kind === 'zip') await removeWorkDir(task.source.workDir);
    }
  };

  await checkAll(pending, jobs, options.limits, onChecked);
  await state.forgetOthers(new Set(items.map((item) => item.name)));

  const summary = summariseBatch(results, settings.date);
  // The batch files render the results, the run's language and date, and segur's version only: when
  // all of them are those of the last run (a --resume with nothing changed), its files are the ones.
  const runKey = sha256Of(JSON.stringify({ build: toolBuild(), lang: settings.lang, date: settings.date ?? null, csvSeparator, results }));
  if (!(await state.runOutputsIntact(runKey))) {
    const written = await writeFiles(outDir, await renderSummaryFiles(summary, results, settings.lang, csvSeparator));
    await state.replaceRunOutputs(written, runKey);
  }
  return { summary, results, reused, passed: results.every((result) => result.status === 'pass') };
}

/**
 * `--profile` without `--rem`: each profile must exist in the catalog of at least one bundle (probed
 * in the workers: manifests and catalogs are never read in the main thread), or the batch stops
 * (exit 2) before any bundle runs.
 */
export async function checkProfilesExist(items: readonly BatchItem[], settings: BundleCheckSettings, jobs: number, limits: IsolationLimits): Promise<void> {
  const wanted = settings.profiles ?? [];
  if (wanted.length === 0 || settings.rem) return;
  const tasks: WorkerRequest[] = items.flatMap((item) => (item.kind === 'folder' ? [{ kind: 'probe', task: { name: item.name, source: { kind: 'folder', dir: item.dir }, settings, render: { formats: [], outDir: '' } } } as const] : []));
  const probes: BundleProbe[] = [];
  await dispatch<BundleProbe>(tasks, jobs, limits, (_, outcome) => {
    if (outcome.ok) probes.push(outcome.value);
  });
  const catalogs = probes.filter((probe): probe is Extract<BundleProbe, { ok: true }> => probe.ok);
  if (catalogs.length === 0) return; // nothing to compare with: each bundle will say what is wrong
  const available = [...new Set(catalogs.flatMap((probe) => probe.profiles))].sort();
  for (const profile of wanted) {
    if (!available.some((candidate) => normaliseProfile(candidate) === normaliseProfile(profile))) {
      throw new SegurError('batch/unknown-profile', { profile, catalogs: [...new Set(catalogs.map((probe) => probe.catalog))].sort().join(', '), available: available.join(', ') });
    }
  }
}

async function checkAll(
  pending: { index: number; task: BundleTask; key?: string }[],
  jobs: number,
  limits: IsolationLimits,
  onChecked: (entry: { index: number; task: BundleTask; key?: string }, outcome: Isolated<BundleCheck>) => Promise<void>,
): Promise<void> {
  // A zipped deposit's private folder is made (and registered for removal on Ctrl-C) just before its check.
  const requests = pending.map((entry) => ({ kind: 'check', task: entry.task }) as WorkerRequest);
  await dispatch<BundleCheck>(
    requests,
    jobs,
    limits,
    (index, outcome) => onChecked(pending[index]!, outcome),
    async (request) => {
      if (request.task.source.kind === 'zip') request.task.source.workDir = await makeWorkDir();
    },
  );
}

/** Through the workers when built (dist/), else inline (tests from sources): same results, no caps. */
async function dispatch<R>(
  requests: WorkerRequest[],
  jobs: number,
  limits: IsolationLimits,
  onSettled: (index: number, outcome: Isolated<R>) => Promise<void> | void,
  prepare?: (request: WorkerRequest) => Promise<void>,
): Promise<void> {
  if (!existsSync(workerScript)) {
    await mapConcurrently([...requests.keys()], jobs, async (index) => {
      await prepare?.(requests[index]!);
      await onSettled(index, { ok: true, value: (await answer(requests[index]!)) as R });
    });
    return;
  }
  await runIsolated<WorkerRequest, R>(requests, { script: workerScript, jobs, limits, onSettled, prepare });
}

function isolationError(failure: IsolationFailure, limits: IsolationLimits, settings: BundleCheckSettings): { code: string; message: string } {
  const lang = settings.lang;
  switch (failure.kind) {
    case 'out-of-memory':
      return { code: 'batch/worker-out-of-memory', message: formatMessage('batch/worker-out-of-memory', { heapMb: limits.heapMb }, { lang }) };
    case 'timeout':
      return { code: 'batch/worker-timeout', message: formatMessage('batch/worker-timeout', { seconds: Math.round(limits.timeoutMs / 1000) }, { lang }) };
    case 'crashed':
      return { code: 'batch/worker-crashed', message: formatMessage('batch/worker-crashed', { detail: failure.detail }, { lang }) };
  }
}

function itemOf(task: BundleTask): Exclude<BatchItem, { kind: 'problem' }> {
  const { source } = task;
  if (source.kind === 'folder') return { name: task.name, kind: 'folder', dir: source.dir };
  return { name: task.name, kind: 'zip', file: source.file, ...(source.inner === undefined ? {} : { inner: source.inner }) };
}

/**
 * What a cached result depends on besides the catalog: the bundle’s bytes, where it is (for a bundle
 * nested in a zipped deposit, its folder in the archive too), the options (CSV separator included),
 * segur’s build (version and code).
 */
function cacheKey(item: Exclude<BatchItem, { kind: 'problem' }>, digest: string, settings: BundleCheckSettings, formats: readonly FormatName[], csvSeparator: string): string {
  const source = item.kind === 'folder' ? resolve(item.dir) : resolve(item.file);
  const inner = item.kind === 'zip' ? (item.inner ?? null) : null;
  return sha256Of(JSON.stringify({ build: toolBuild(), digest, source, inner, cwd: process.cwd(), settings, formats: [...formats].sort(), csvSeparator }));
}

/**
 * Made and registered in one synchronous step (mode 0700): a Ctrl-C handled between an asynchronous
 * mkdtemp and its registration would leave the folder behind.
 */
async function makeWorkDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'segur-batch-'));
  workDirReleases.set(dir, removeOnInterrupt(dir));
  return dir;
}

const workDirReleases = new Map<string, () => void>();

async function removeWorkDir(dir: string): Promise<void> {
  if (dir === '') return;
  await rm(dir, { recursive: true, force: true });
  workDirReleases.get(dir)?.();
  workDirReleases.delete(dir);
}

function memoise<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = compute(key)));
    return value;
  };
}
