// What the batch keeps of one bundle once its reports are written: the few facts every batch output
// (batch.json, batch.xlsx, index.html, matrix.csv) needs, small enough to hold for thousands of
// bundles and to store in the resume cache. Never the report itself.
import type { Nature } from '../catalog/schema.js';
import type { ReportContext, ReportFinding, ReportSummary, Verdict } from '../report/model.js';
import type { BundleError } from './check-one.js';

export type BundleStatus = 'pass' | 'fail' | 'error';

export interface BundleResult {
  name: string;
  /** How it was deposited: a folder, a `.zip`, or nothing checkable (a folder without manifest…). */
  source: 'folder' | 'zip' | 'other';
  status: BundleStatus;
  editor?: string;
  software?: string;
  version?: string;
  catalog?: { id: string; title: string };
  profiles?: string[];
  summary?: ReportSummary;
  /** Requirements in catalog order, with their verdicts (the matrix column of this bundle). */
  verdicts?: { id: string; nature: Nature; verdict: Verdict }[];
  /** Errors and warnings, as the report renders them (the workbook's "Constats" sheet). */
  findings?: ReportFinding[];
  /** Report files of this bundle relative to `--out`, POSIX separators, format order. */
  reports: string[];
  error?: BundleError;
}

export function checkedResult(name: string, source: 'folder' | 'zip', status: 'pass' | 'fail', context: ReportContext, reports: string[]): BundleResult {
  const { report } = context;
  return {
    name,
    source,
    status,
    ...text('editor', report.bundle.editor.name),
    ...text('software', report.bundle.software.name),
    ...text('version', report.bundle.software.version),
    catalog: { id: report.catalog.id, title: report.catalog.title },
    profiles: report.bundle.profiles,
    summary: report.summary,
    verdicts: report.requirements.map(({ id, nature, verdict }) => ({ id, nature, verdict })),
    findings: report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'),
    reports,
  };
}

export function errorResult(name: string, source: BundleResult['source'], error: BundleError): BundleResult {
  return { name, source, status: 'error', reports: [], error };
}

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}
