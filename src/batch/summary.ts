// The batch summary (`segur-batch/1`): one line per bundle and the cross-bundle matrix of verdicts
// (requirement × bundle). A pure function of the batch outcome; every batch output renders it.
import type { Nature } from '../catalog/schema.js';
import type { ReportSummary, Verdict } from '../report/model.js';
import { toolVersion } from '../version.js';
import type { BatchEntry } from './run-batch.js';

export const BATCH_SCHEMA = 'segur-batch/1';

export interface BatchBundleLine {
  name: string;
  status: 'pass' | 'fail' | 'error';
  catalog?: string;
  profiles?: string[];
  summary?: ReportSummary;
  /** Report files of this bundle, relative to the output folder (POSIX separators). */
  reports: string[];
  error?: { code: string; message: string };
}

export interface MatrixRow {
  catalog: string;
  requirement: string;
  nature: Nature;
  /** Aligned with `matrix.bundles`; null where the bundle does not have this requirement (or failed). */
  verdicts: (Verdict | null)[];
}

export interface BatchSummary {
  schema: typeof BATCH_SCHEMA;
  tool: { name: 'segur'; version: string };
  date?: string;
  verdict: 'pass' | 'fail';
  bundles: BatchBundleLine[];
  matrix: { bundles: string[]; rows: MatrixRow[] };
}

export function summariseBatch(entries: readonly BatchEntry[], reportFiles: (entry: BatchEntry) => string[], date?: string): BatchSummary {
  const names = entries.map((entry) => entry.bundle.name);
  return {
    schema: BATCH_SCHEMA,
    tool: { name: 'segur', version: toolVersion() },
    ...(date ? { date } : {}),
    verdict: entries.every((entry) => entry.status === 'pass') ? 'pass' : 'fail',
    bundles: entries.map((entry) => bundleLine(entry, reportFiles(entry))),
    matrix: { bundles: names, rows: matrixRows(entries) },
  };
}

function bundleLine(entry: BatchEntry, reports: string[]): BatchBundleLine {
  if (entry.status === 'error') return { name: entry.bundle.name, status: 'error', reports, error: entry.error };
  const { report } = entry.context;
  return {
    name: entry.bundle.name,
    status: entry.status,
    catalog: report.catalog.id,
    profiles: report.bundle.profiles,
    summary: report.summary,
    reports,
  };
}

/** Rows in order of first appearance, bundles taken by name: each bundle lists its requirements in catalog order. */
function matrixRows(entries: readonly BatchEntry[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  entries.forEach((entry, column) => {
    if (entry.status === 'error') return;
    const catalog = entry.context.report.catalog.id;
    for (const requirement of entry.context.report.requirements) {
      const key = `${catalog}\u0000${requirement.id}`;
      let row = rows.get(key);
      if (!row) {
        row = { catalog, requirement: requirement.id, nature: requirement.nature, verdicts: entries.map(() => null) };
        rows.set(key, row);
      }
      row.verdicts[column] = requirement.verdict;
    }
  });
  return [...rows.values()];
}
