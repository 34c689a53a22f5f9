// The Report model (`segur-report/1`, contract in docs/product.md) and what reporters receive.
// The JSON reporter prints `Report` as is; richer formats also read the catalog for texts
// (chapter, statement, scenario and proof wording), never anything else.
import type { Catalog, Nature } from '../catalog/schema.js';
import type { Lang } from '../messages/index.js';
import type { Severity } from '../engine/finding.js';
import type { BundleImpact } from '../catalog/diff/model.js';

export const REPORT_SCHEMA = 'segur-report/1';

export type Verdict = 'conforme' | 'non-conforme' | 'incomplet' | 'non-applicable';
export const VERDICTS: readonly Verdict[] = ['conforme', 'non-conforme', 'incomplet', 'non-applicable'];

export interface ReportFinding {
  rule: string;
  severity: Severity;
  /** Already rendered in the run's language, identifiers masked unless revealed. */
  message: string;
  requirement?: string;
  proof?: string;
  file?: string;
  location?: string;
  line?: number;
  column?: number;
}

export interface ReportFile {
  path: string;
  kind: string;
  sha256: string;
  size: number;
}

export interface ReportProof {
  id: string;
  files: ReportFile[];
}

export interface RequirementResult {
  id: string;
  nature: Nature;
  verdict: Verdict;
  /** Expected proofs of the applicable scenarios, in REM order (files empty when missing). */
  proofs: ReportProof[];
  findings: ReportFinding[];
}

export interface ReportSummary {
  requirements: number;
  conforme: number;
  'non-conforme': number;
  incomplet: number;
  'non-applicable': number;
  errors: number;
  warnings: number;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'segur'; version: string };
  catalog: { id: string; title: string; sha256: string };
  bundle: {
    /** The bundle's folder, named relative to the folder `segur batch` reviewed (batch reports only). */
    folder?: string;
    editor: Record<string, unknown>;
    software: Record<string, unknown>;
    profiles: string[];
  };
  /** Only when the user asked for a run date (`--date`, SOURCE_DATE_EPOCH). */
  date?: string;
  verdict: 'pass' | 'fail';
  summary: ReportSummary;
  /** In catalog order; requirements of other profiles are left out. */
  requirements: RequirementResult[];
  /** Every finding of the run (those of requirements too), in a stable order. */
  findings: ReportFinding[];
  /** Only with `check --since OLD`: what moving from OLD to this catalog does to the bundle's proofs. */
  since?: BundleImpact;
}

/** Everything a reporter may read. Reporters are pure functions of this value. */
export interface ReportContext {
  report: Report;
  catalog: Catalog;
  lang: Lang;
  /** Display path of the bundle root (for SARIF/GitHub file locations). */
  bundleRoot: string;
  /** `--reveal-identifiers`: texts the reporters word themselves (titles, log lines) keep INS/NIR in clear. */
  revealIdentifiers?: boolean;
  /** Gate also fails on warnings (`--strict`, `--fail-level warning`). */
  strict: boolean;
  /** Gate fails beyond this many warnings outside PRECONISATIONs (`--max-warnings`). */
  maxWarnings?: number;
  /** Warnings the gate counted (outside PRECONISATIONs), before any `--quiet` filtering. */
  gatingWarnings?: number;
  /** Field separator of CSV outputs (`;` in French, `,` in English, or `--csv-separator`). */
  csvSeparator?: string;
  /** `--quiet`: the outputs show errors only (the report given to reporters is already filtered). */
  quiet?: boolean;
  /**
   * What the HTML report shows beside an evidence file, by bundle-relative path (not part of the
   * JSON): CDA header facts, and in `segur batch` screenshot thumbnails and links to PDFs and videos.
   */
  evidence?: ReadonlyMap<string, EvidenceView>;
}

export type EvidenceView =
  /** Header facts of a structured document; `patient` already masked unless identifiers are revealed. */
  | { kind: 'document'; type?: string; title?: string; patient?: string; author?: string; date?: string }
  /** A downscaled copy (`thumbnail`, and a larger `preview`), URLs relative to the report. */
  | { kind: 'image'; thumbnail: string; preview: string; width: number; height: number }
  /** A file to open rather than show (PDF, video): URL relative to the report. */
  | { kind: 'link'; href: string };
