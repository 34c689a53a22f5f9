// The rule contract (ESLint-style): fixed metadata plus a function that returns findings as data
// and never prints. The engine adds `rule`, `severity` and `requirement`, and turns a throw into a
// finding (`engine/rule-crashed`).
import type { Catalog, Proof, Requirement, Scenario } from '../catalog/schema.js';
import type { Finding, Severity } from '../engine/finding.js';
import type { ManifestPositions, Position } from '../bundle/manifest-positions.js';
import type { Manifest, RequirementEntry } from '../bundle/manifest-schema.js';
import type { AttachedFile } from '../bundle/model.js';

/** The verdict an error of this rule gives its requirement (docs/product.md). */
export type VerdictEffect = 'incomplet' | 'non-conforme';

export interface RuleMeta {
  /** Stable code, also the message key (src/messages/{fr,en}/rules.ts). */
  code: string;
  severity: Severity;
  /** For errors: which verdict they force. Validators' errors count as `non-conforme`. */
  verdict?: VerdictEffect;
  /** One line for maintainers (the user-facing text is the message). */
  description: string;
}

export type RuleFinding = Omit<Finding, 'rule' | 'severity'>;

export interface ProofEvidence {
  scenario: Scenario;
  proof: Proof;
  files: AttachedFile[];
}

export interface RequirementContext {
  requirement: Requirement;
  /** The manifest's entry for this requirement; undefined when absent or left empty. */
  entry: RequirementEntry | undefined;
  /** The manifest names the requirement (even with an empty entry). */
  listed: boolean;
  positions: ManifestPositions;
  /** Bundle-relative name of the manifest, for findings about it. */
  manifestFile: string;
  /** Every expected proof of every scenario, in REM order. */
  proofs: ProofEvidence[];
}

export interface BundleContext {
  catalog: Catalog;
  manifest: Manifest;
  positions: ManifestPositions;
  manifestFile: string;
  /** Requirements of the selected profiles. */
  selected: readonly Requirement[];
  /** Names of the folders directly under `proofs/` (empty when there is none, or it leaves the bundle). */
  proofFolders: readonly string[];
  /**
   * Files (bundle-relative, sorted) of the folders of `proofFolders` named after no proof of the
   * catalog in which the manifest lists a file: only those are walked (bundle/stray-folders.ts).
   */
  strayFolderFiles: ReadonlyMap<string, readonly string[]>;
}

export interface RequirementRule extends RuleMeta {
  scope: 'requirement';
  check(context: RequirementContext): RuleFinding[];
}

export interface BundleRule extends RuleMeta {
  scope: 'bundle';
  check(context: BundleContext): RuleFinding[];
}

export type Rule = RequirementRule | BundleRule;

/** Where the manifest talks about `path` (line and column), for findings about the manifest. */
export function manifestPlace(context: { positions: ManifestPositions; manifestFile: string }, path: (string | number)[]): Pick<Finding, 'file' | 'line' | 'column'> {
  const position: Position | undefined = context.positions.keyAt(path);
  return position ? { file: context.manifestFile, line: position.line, column: position.column } : { file: context.manifestFile };
}

/** A scenario the editor declared non-applicable needs no proof (its justification is checked apart). */
export function scenarioApplies(context: RequirementContext, scenario: Scenario): boolean {
  return context.entry?.scenarios?.[scenario.id]?.status !== 'non-applicable';
}

export function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0;
}
