// Where a batch writes: `<out>/<bundle>/report.<ext>` per bundle and format, then the summary
// (`batch.json`, `matrix.csv`, `batch.md`) at the top. Every file is written atomically; nothing is
// ever written inside a bundle.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';
import type { Lang } from '../messages/index.js';
import { refuseOutputsInside, writeOutputs, type OutputSpec } from '../report/output.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { FormatName } from '../report/index.js';
import type { BatchBundle } from './find-bundles.js';
import type { BatchEntry } from './run-batch.js';
import { renderBatchCsv, renderBatchJson, renderBatchMarkdown } from './render.js';
import { summariseBatch, type BatchSummary } from './summary.js';

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

export const SUMMARY_FILES = { json: 'batch.json', csv: 'matrix.csv', markdown: 'batch.md' } as const;

function reportPath(bundle: BatchBundle, format: FormatName): string {
  return `${bundle.name}/report.${EXTENSIONS[format]}`;
}

/** Refuses, before any check runs, an output folder inside one of the bundles. */
export function refuseOutputInsideBundles(outDir: string, bundles: readonly BatchBundle[], formats: readonly FormatName[]): void {
  for (const bundle of bundles) {
    refuseOutputsInside(formats.map((format) => ({ format, path: join(outDir, reportPath(bundle, format)) })), bundle.dir);
  }
}

export async function writeBatchOutputs(
  outDir: string,
  entries: readonly BatchEntry[],
  options: { formats: readonly FormatName[]; lang: Lang; date?: string; csvSeparator?: string },
): Promise<BatchSummary> {
  await makeDir(outDir);
  for (const entry of entries) {
    if (entry.status === 'error') continue;
    await makeDir(join(outDir, entry.bundle.name));
    const specs: OutputSpec[] = options.formats.map((format) => ({ format, path: join(outDir, reportPath(entry.bundle, format)) }));
    await writeOutputs(entry.context, specs, { color: false, csvSeparator: options.csvSeparator });
  }
  const summary = summariseBatch(
    entries,
    (entry) => (entry.status === 'error' ? [] : options.formats.map((format) => reportPath(entry.bundle, format))),
    options.date,
  );
  await writeFileAtomic(join(outDir, SUMMARY_FILES.json), renderBatchJson(summary));
  await writeFileAtomic(join(outDir, SUMMARY_FILES.csv), renderBatchCsv(summary, options.lang, options.csvSeparator));
  await writeFileAtomic(join(outDir, SUMMARY_FILES.markdown), renderBatchMarkdown(summary, options.lang));
  return summary;
}

async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new SegurError('io/output-not-writable', { file: dir, reason: describeIoError(error) }, { cause: error });
  }
}
