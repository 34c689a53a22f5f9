// What changed between two REM catalogs (schema `segur-catalog-diff/1`, documented in the README),
// and what it means for an evidence bundle. Plain data: renderers (tty, JSON, Markdown, XLSX) and
// `segur init --upgrade` read it, never the catalogs' raw rows.
import type { DeclaredStatus } from '../../bundle/manifest-schema.js';
import type { Nature } from '../schema.js';

export const CATALOG_DIFF_SCHEMA = 'segur-catalog-diff/1';

/** A catalog as named in a diff: its id, title and the SHA-256 of the workbook it was imported from. */
export interface CatalogRef {
  id: string;
  title: string;
  sha256: string;
}

/** A word-level edit: `=` kept, `-` only in the old text, `+` only in the new one. */
export interface WordSegment {
  op: '=' | '-' | '+';
  text: string;
}

/** Tightened: the new REM asks more of the editor (EXIGENCE instead of PRECONISATION, no longer conditional). */
export type Direction = 'tightened' | 'loosened';

/** Text fields compared as plain values (the statement has its own word diff). */
export const TEXT_FIELDS = ['chapter', 'function', 'block', 'comment', 'criticality', 'scope'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type FieldChange =
  | { field: 'statement'; words: WordSegment[] }
  | { field: 'nature'; old: Nature; new: Nature; direction: Direction }
  /** `null`: the REM does not say. `direction` only when non-applicable becomes refused or allowed. */
  | { field: 'conditional'; old: boolean | null; new: boolean | null; direction?: Direction }
  | { field: 'profiles'; added: string[]; removed: string[] }
  | { field: TextField; old: string | null; new: string | null };

/** How an old requirement was paired with a new one. */
export type RequirementMatch = { by: 'id' } | { by: 'previousId' } | { by: 'similarity'; similarity: number };

/** How an old scenario or proof was paired with a new one of the same requirement pair. */
export type ItemMatch = { by: 'id' } | { by: 'text' } | { by: 'similarity'; similarity: number };

export type ItemStatus = 'unchanged' | 'changed' | 'renumbered' | 'added' | 'removed';

/** A scenario or a proof of a requirement pair. `text` is present when the wording changed. */
export interface ItemDiff {
  status: ItemStatus;
  old?: string;
  new?: string;
  match?: ItemMatch;
  text?: WordSegment[];
}

export type RequirementStatus = 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';

export interface RequirementDiff {
  status: RequirementStatus;
  old?: string;
  new?: string;
  match?: RequirementMatch;
  /** The new requirement's nature (the old one's when removed). */
  nature: Nature;
  changes: FieldChange[];
  scenarios: ItemDiff[];
  proofs: ItemDiff[];
}

export interface ItemCounts {
  added: number;
  removed: number;
  renumbered: number;
  changed: number;
}

export interface DiffSummary {
  requirements: Record<RequirementStatus, number>;
  /** Requirements with at least one tightening (nature or conditional), and with a loosening. */
  tightened: number;
  loosened: number;
  scenarios: ItemCounts;
  proofs: ItemCounts;
}

export interface CatalogDiff {
  schema: typeof CATALOG_DIFF_SCHEMA;
  tool: { name: 'segur'; version: string };
  old: CatalogRef;
  new: CatalogRef;
  /** Statement similarity (Dice coefficient on normalised words) from which unpaired requirements are paired. */
  similarityThreshold: number;
  /** Present when a similarity stage was skipped because of its size bound (match.ts): some renamings may show as removed + added. */
  similarityLimited?: true;
  /**
   * Present when some texts were reported as replaced whole because of the word diff's bounds
   * (word-diff.ts: texts too long, or the diff's budget spent), not because they differ wholly.
   */
  wordDiffLimited?: true;
  summary: DiffSummary;
  /** New catalog order, then the removed requirements in old catalog order. */
  requirements: RequirementDiff[];
  /** Only with `--bundle`. */
  bundle?: BundleImpact;
}

/**
 * What becomes of a bundle's proof under the new REM: `maps` same proof id, `renamed` carried to
 * another id, `orphaned` its id is gone (or its requirement left the bundle's profiles), `new` a
 * proof the old REM did not ask for.
 */
export type ProofImpactStatus = 'maps' | 'renamed' | 'orphaned' | 'new';

export interface ProofImpact {
  status: ProofImpactStatus;
  old?: string;
  new?: string;
  /** Bundle-relative paths attached to the old proof (listed in the manifest or in its folder); for `new`, those already attached to the new id. */
  files: string[];
  /**
   * Files of `proofs/<new id>/` that belonged to another proof of the old REM (the number was reused):
   * under the new REM they count for this proof until they are moved.
   */
  reusedFolderFiles?: string[];
}

export interface RequirementImpact {
  /** The requirement's change in the catalog diff; `left-profile`/`entered-profile` when only the bundle's profiles explain it. */
  change: RequirementStatus | 'left-profile' | 'entered-profile';
  old?: string;
  new?: string;
  /** Status declared in the manifest for the old id (the new id for added requirements). */
  declared?: DeclaredStatus;
  proofs: ProofImpact[];
}

export interface BundleImpact {
  /** The bundle folder as given. */
  dir: string;
  old: CatalogRef;
  new: CatalogRef;
  /** Profiles of the bundle, as spelt in the new catalog. */
  profiles: string[];
  summary: Record<ProofImpactStatus, number>;
  requirements: RequirementImpact[];
}
