// Where a batch writes: `<out>/<bundle>/report.<ext>` per bundle and format (with the screenshot
// thumbnails under `<out>/<bundle>/apercus/`), then the batch files at the top (`batch.json`,
// `batch.xlsx`, `index.html`, `matrix.csv`, `batch.md`). Every file is rendered before any is written,
// written atomically, and recorded with its SHA-256 (batch/out-state.ts); nothing is ever written
// inside a bundle.
import { dirname, join } from 'node:path';
import type { Lang } from '../messages/index.js';
import { refuseOutputsInside } from '../report/output.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadReporter, type FormatName } from '../report/index.js';
import type { EvidenceView, ReportContext } from '../report/model.js';
import type { BundleResult } from './bundle-result.js';
import type { BatchItem } from './find-bundles.js';
import { hasScreenshot, linkViews, thumbnailViews } from './previews.js';
import { makeFolders } from './folders.js';
import { STATE_DIR, sha256Of, type OwnedFile } from './out-state.js';
import { renderBatchCsv, renderBatchJson, renderBatchMarkdown } from './render.js';
import type { BatchSummary } from './summary.js';

const EXTENSIONS: Record<FormatName, string> = {
  tty: 'txt',
  json: 'json',
  junit: 'junit.xml',
  sarif: 'sarif',
  github: 'github.txt',
  markdown: 'md',
  html: 'html',
  xlsx: 'xlsx',
  csv: 'csv',
};

export const DEFAULT_BATCH_FORMATS: readonly FormatName[] = ['json', 'html'];

export const SUMMARY_FILES = { json: 'batch.json', xlsx: 'batch.xlsx', html: 'index.html', csv: 'matrix.csv', markdown: 'batch.md' } as const;

/** Top-level names a bundle may not take: its report folder would collide with the batch's own files. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.values(SUMMARY_FILES), STATE_DIR]);

export interface OutputFile {
  /** Relative to `--out`, POSIX separators. */
  path: string;
  data: string | Uint8Array;
}

export function reportPath(name: string, format: FormatName): string {
  return `${name}/report.${EXTENSIONS[format]}`;
}

/** Refuses, before any check runs, an output folder inside one of the bundles. */
export function refuseOutputInsideBundles(outDir: string, items: readonly BatchItem[], formats: readonly FormatName[]): void {
  for (const item of items) {
    if (item.kind !== 'folder') continue;
    refuseOutputsInside(formats.map((format) => ({ format, path: join(outDir, reportPath(item.name, format)) })), item.dir);
  }
}

/**
 * A checked bundle's reports, rendered in each format — in the worker that checked it, so that the
 * main thread only writes. PDFs and videos are linked from the HTML report; when the bundle has a
 * screenshot, its HTML report is left for `renderHtmlWithThumbnails` (`htmlPending`).
 */
export async function renderReports(
  name: string,
  context: ReportContext,
  formats: readonly FormatName[],
  place: { outDir: string; linkBase?: string },
): Promise<{ files: OutputFile[]; htmlPending: boolean }> {
  const withLinks = withViews(context, linkViews(context, { linkBase: place.linkBase, reportDir: join(place.outDir, name) }));
  const htmlPending = formats.includes('html') && hasScreenshot(context);
  const files: OutputFile[] = [];
  for (const format of formats) {
    if (format === 'html' && htmlPending) continue;
    files.push({ path: reportPath(name, format), data: await (await loadReporter(format)).render(withLinks) });
  }
  return { files, htmlPending };
}

/** The HTML report of a bundle with screenshots, and the thumbnails it shows (sharp, main thread). */
export async function renderHtmlWithThumbnails(name: string, context: ReportContext, place: { outDir: string; linkBase?: string; bundleRealRoot: string }): Promise<OutputFile[]> {
  const thumbnails = await thumbnailViews(context, place.bundleRealRoot);
  const links = linkViews(context, { linkBase: place.linkBase, reportDir: join(place.outDir, name) });
  const html = (await loadReporter('html')).render(withViews(context, new Map([...links, ...thumbnails.views])));
  return [...thumbnails.files.map((file) => ({ path: `${name}/${file.path}`, data: file.data })), { path: reportPath(name, 'html'), data: await html }];
}

function withViews(context: ReportContext, views: ReadonlyMap<string, EvidenceView>): ReportContext {
  return views.size === 0 ? context : { ...context, evidence: new Map([...(context.evidence ?? []), ...views]) };
}

/** The batch-level files, rendered (exceljs is loaded here, once per run). */
export async function renderSummaryFiles(summary: BatchSummary, results: readonly BundleResult[], lang: Lang, csvSeparator?: string): Promise<OutputFile[]> {
  const { renderBatchWorkbook } = await import('./workbook.js');
  const { renderBatchIndex } = await import('./index-page.js');
  return [
    { path: SUMMARY_FILES.json, data: renderBatchJson(summary) },
    { path: SUMMARY_FILES.xlsx, data: await renderBatchWorkbook(summary, results, lang) },
    { path: SUMMARY_FILES.html, data: renderBatchIndex(summary, results, lang) },
    { path: SUMMARY_FILES.csv, data: renderBatchCsv(summary, lang, csvSeparator) },
    { path: SUMMARY_FILES.markdown, data: renderBatchMarkdown(summary, lang) },
  ];
}

/** Writes each file atomically under `outDir` and returns what was written, with SHA-256s. */
export async function writeFiles(outDir: string, files: readonly OutputFile[]): Promise<OwnedFile[]> {
  const written: OwnedFile[] = [];
  for (const file of files) {
    await makeFolders(outDir, dirname(file.path));
    await writeFileAtomic(join(outDir, file.path), file.data);
    written.push({ path: file.path, sha256: sha256Of(file.data) });
  }
  return written;
}
