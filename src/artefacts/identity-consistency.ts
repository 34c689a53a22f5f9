// Cross-artefact INS check (docs/product.md): the same INS must carry the same traits in every
// artefact of a bundle. Returns, for each inconsistent artefact, findings to attach to it.
import type { ArtefactFinding, PatientIdentity } from './types.js';

export interface IdentitySource {
  /** Index of the artefact in the caller's list. */
  artefact: number;
  displayPath: string;
  identity: PatientIdentity;
}

export interface IdentityConflict {
  artefact: number;
  finding: ArtefactFinding;
}

export function findIdentityConflicts(_sources: readonly IdentitySource[]): IdentityConflict[] {
  return []; // implemented with the INS validator (issue 4)
}
