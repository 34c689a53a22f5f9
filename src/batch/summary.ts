// The batch summary (`segur-batch/1`): one line per bundle and the cross-bundle matrix of verdicts
// (requirement × bundle). A pure function of the bundle results; every batch output renders it.
import type { Nature } from '../catalog/schema.js';
import type { ReportSummary, Verdict } from '../report/model.js';
import { toolVersion } from '../version.js';
import type { BundleError } from './check-one.js';
import type { BundleResult, BundleStatus } from './bundle-result.js';

export const BATCH_SCHEMA = 'segur-batch/1';

export interface BatchBundleLine {
  name: string;
  status: BundleStatus;
  source: BundleResult['source'];
  editor?: string;
  software?: string;
  version?: string;
  catalog?: string;
  profiles?: string[];
  summary?: ReportSummary;
  /** Report files of this bundle, relative to the output folder (POSIX separators). */
  reports: string[];
  error?: BundleError;
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

export function summariseBatch(results: readonly BundleResult[], date?: string): BatchSummary {
  return {
    schema: BATCH_SCHEMA,
    tool: { name: 'segur', version: toolVersion() },
    ...(date ? { date } : {}),
    verdict: results.every((result) => result.status === 'pass') ? 'pass' : 'fail',
    bundles: results.map(bundleLine),
    matrix: { bundles: results.map((result) => result.name), rows: matrixRows(results) },
  };
}

function bundleLine(result: BundleResult): BatchBundleLine {
  // Fixed key order, absent fields left out: batch.json is byte-stable.
  const line = { name: result.name, status: result.status, source: result.source } as BatchBundleLine;
  if (result.editor !== undefined) line.editor = result.editor;
  if (result.software !== undefined) line.software = result.software;
  if (result.version !== undefined) line.version = result.version;
  if (result.catalog) line.catalog = result.catalog.id;
  if (result.profiles) line.profiles = result.profiles;
  if (result.summary) line.summary = result.summary;
  line.reports = result.reports;
  if (result.error) line.error = result.error;
  return line;
}

/** Rows in order of first appearance, bundles taken by name: each bundle lists its requirements in catalog order. */
function matrixRows(results: readonly BundleResult[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  results.forEach((result, column) => {
    if (!result.catalog || !result.verdicts) return;
    for (const requirement of result.verdicts) {
      const key = `${result.catalog.id}\u0000${requirement.id}`;
      let row = rows.get(key);
      if (!row) {
        row = { catalog: result.catalog.id, requirement: requirement.id, nature: requirement.nature, verdicts: results.map(() => null) };
        rows.set(key, row);
      }
      row.verdicts[column] = requirement.verdict;
    }
  });
  return [...rows.values()];
}
