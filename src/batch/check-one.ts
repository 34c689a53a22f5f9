// One bundle of a batch, checked where the isolation put it (a worker thread, or inline when running
// from sources): a zipped deposit is first extracted into the private folder the main thread made;
// the report names the bundle's folder (its path relative to the batch folder); a bundle that cannot
// be checked is an `error` outcome with its message in the run's language, never a throw.
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';
import type { ReportContext } from '../report/model.js';
import type { CheckOptions } from '../engine/check.js';
import type { FormatName } from '../report/index.js';
import { bundleDigest } from './bundle-digest.js';
import { checkedResult, type BundleResult } from './bundle-result.js';
import { renderReports, reportPath, type OutputFile } from './write-outputs.js';
import { extractDeposit } from './zip-deposit.js';

/** What every bundle of the batch is checked with (`segur check`'s options but the folder). */
export type BundleCheckSettings = Omit<CheckOptions, 'bundleDir' | 'onProgress'> & {
  /** Content key of the compiled CI-SIS packs of `cisis` (batch --cisis): part of the --resume cache key. */
  cisisPack?: string;
};

export interface BundleTask {
  name: string;
  /** Folder bundles are checked in place; a zip is extracted into `workDir` (created by the caller, removed by it). */
  source: { kind: 'folder'; dir: string } | { kind: 'zip'; file: string; workDir: string; inner?: string };
  settings: BundleCheckSettings;
  /** Also compute the bundle's digest (batch/bundle-digest.ts), before the check, for the resume cache. */
  digest?: boolean;
  /**
   * The report formats to render here, the `--out` folder (absolute) they will be written to, and the
   * CSV field separator (`--csv-separator`, else the language's: report/render/csv-record.ts).
   */
  render: { formats: FormatName[]; outDir: string; csvSeparator?: string };
}

export interface BundleError {
  code: string;
  message: string;
}

export type BundleCheck =
  | {
      status: 'pass' | 'fail';
      result: BundleResult;
      /** The bundle's reports, rendered (paths relative to `--out`). */
      files: OutputFile[];
      /** With a screenshot and the html format: the report the main thread renders once it has made the thumbnails. */
      htmlContext?: ReportContext;
      /** The catalog file the REM reference resolved to (the resume cache keys on its bytes). */
      catalogPath: string;
      /** The catalog id the REM reference was, when it was one: --resume asks which file it names now. */
      catalogId?: string;
      /** Where the bundle's files are on disk now (for thumbnails): the real folder, or the extraction folder. */
      bundleRealRoot: string;
      /** When asked for: the bundle's digest as it was before the check. */
      digest?: string;
    }
  | { status: 'error'; error: BundleError };

export async function checkOneBundle(task: BundleTask): Promise<BundleCheck> {
  const { settings } = task;
  // Hashed where the check runs (in parallel with the other bundles), before it reads anything.
  const digest = task.digest ? await bundleDigest(task.source.kind === 'zip' ? { kind: 'zip', file: task.source.file } : task.source) : undefined;
  let bundleDir: string;
  if (task.source.kind === 'zip') {
    const extracted = await extractDeposit(task.source.file, task.source.workDir);
    if (!extracted.ok) return { status: 'error', error: { code: extracted.code, message: formatMessage(extracted.code, extracted.args, { lang: settings.lang }) } };
    // A bundle filed inside the deposit's bundle (zip-bundles.ts): the whole archive is extracted, that folder checked.
    bundleDir = task.source.inner === undefined ? extracted.bundleDir : join(extracted.bundleDir, ...task.source.inner.split('/'));
  } else {
    bundleDir = task.source.dir;
  }
  try {
    const { checkBundle } = await import('../engine/check.js');
    const outcome = await checkBundle({ ...settings, bundleDir });
    const { context } = outcome;
    // The folder a reviewer knows the bundle by (two deposits with blank editor fields stay apart).
    const report = { ...context.report, bundle: { folder: task.name, ...context.report.bundle } };
    const displayRoot = task.source.kind === 'zip' ? (task.source.inner === undefined ? task.source.file : join(task.source.file, task.source.inner)) : bundleDir;
    const shown: ReportContext = { ...context, report, bundleRoot: displayRoot };
    const status = outcome.gatePassed ? 'pass' : 'fail';
    const { formats, outDir, csvSeparator } = task.render;
    const linkBase = task.source.kind === 'folder' ? task.source.dir : undefined;
    const rendered = await renderReports(task.name, csvSeparator === undefined ? shown : { ...shown, csvSeparator }, formats, { outDir, ...(linkBase === undefined ? {} : { linkBase }) });
    return {
      status,
      result: checkedResult(task.name, task.source.kind, status, shown, formats.map((format) => reportPath(task.name, format))),
      files: rendered.files,
      ...(rendered.htmlPending ? { htmlContext: shown } : {}),
      catalogPath: outcome.catalogPath,
      ...(outcome.catalogId === undefined ? {} : { catalogId: outcome.catalogId }),
      bundleRealRoot: await realpath(bundleDir),
      ...(digest === undefined ? {} : { digest }),
    };
  } catch (error) {
    return { status: 'error', error: await describeFailure(error, task, settings.lang) };
  }
}

export type BundleProbe = { ok: true; catalog: string; profiles: string[] } | { ok: false };

/**
 * The profiles the catalog of a folder bundle offers (`--profile` is checked against them before any
 * bundle runs): the manifest and catalog are read here, in the worker, never in the main thread.
 */
export async function probeBundleProfiles(task: BundleTask): Promise<BundleProbe> {
  if (task.source.kind !== 'folder') return { ok: false };
  try {
    const { loadManifest } = await import('../bundle/manifest.js');
    const { resolveCatalog } = await import('../catalog/store.js');
    const { catalogProfiles } = await import('../bundle/profiles.js');
    const loaded = await loadManifest(task.source.dir);
    if (!loaded.manifest.rem) return { ok: false };
    const { catalog } = await resolveCatalog(loaded.manifest.rem, { baseDir: resolve(task.source.dir) });
    return { ok: true, catalog: catalog.id, profiles: catalogProfiles(catalog) };
  } catch {
    return { ok: false }; // the check itself will say what is wrong with this bundle
  }
}

/** One message to a batch worker: check a bundle, or only probe its catalog's profiles. */
export type WorkerRequest = { kind: 'check'; task: BundleTask } | { kind: 'probe'; task: BundleTask };

export async function answer(request: WorkerRequest): Promise<BundleCheck | BundleProbe> {
  return request.kind === 'probe' ? probeBundleProfiles(request.task) : checkOneBundle(request.task);
}

async function describeFailure(error: unknown, task: BundleTask, lang: Lang): Promise<BundleError> {
  const described = isSegurError(error)
    ? { code: error.code, message: formatMessage(error.code, error.args, { lang }) }
    : { code: 'cli/internal', message: formatMessage('cli/internal', { detail: error instanceof Error ? error.message : String(error) }, { lang }) };
  if (task.source.kind !== 'zip') return described;
  // Messages name files by path: inside a deposit, by the archive's path, not the temporary folder.
  const { workDir, file } = task.source;
  const real = await realpath(workDir).catch(() => workDir);
  return { ...described, message: described.message.replaceAll(real, file).replaceAll(workDir, file) };
}
