// The one registry of requirement-level and bundle-level rules, in the order they run. Each code
// has a message in src/messages/{fr,en}/rules.ts and a table test in test/rules/ (checked by
// test/rules/registry.test.ts).
import type { Rule, VerdictEffect } from './rule.js';
import { statusMissing } from './status-missing.js';
import { statusInProgress } from './status-in-progress.js';
import { statusUnjustifiedNonApplicable } from './status-unjustified-non-applicable.js';
import { statusNonApplicableNotConditional } from './status-non-applicable-not-conditional.js';
import { scenarioUnjustifiedNonApplicable } from './scenario-unjustified-non-applicable.js';
import { scenarioUnknownId } from './scenario-unknown-id.js';
import { proofUnknownId } from './proof-unknown-id.js';
import { coverageMissingProof } from './coverage-missing-proof.js';
import { fileNotFound } from './files/not-found.js';
import { pathEscape } from './files/path-escape.js';
import { symlinkEscape } from './files/symlink-escape.js';
import { fileNotAFile } from './files/not-a-file.js';
import { fileTooLarge } from './files/too-large.js';
import { fileFolderTooDeep } from './files/folder-too-deep.js';
import { fileUnreadable } from './files/unreadable.js';
import { fileEmpty } from './files/empty.js';
import { fileSha256Mismatch } from './files/sha256-mismatch.js';
import { fileKindMismatch } from './files/kind-mismatch.js';
import { unknownRequirement } from './unknown-requirement.js';
import { requirementOtherProfile } from './requirement-other-profile.js';
import { unknownProofFolder } from './unknown-proof-folder.js';
import { manifestIdentityBlank } from './manifest-identity-blank.js';

export const RULES: readonly Rule[] = [
  statusMissing,
  statusInProgress,
  statusUnjustifiedNonApplicable,
  statusNonApplicableNotConditional,
  scenarioUnjustifiedNonApplicable,
  scenarioUnknownId,
  proofUnknownId,
  coverageMissingProof,
  fileNotFound,
  pathEscape,
  symlinkEscape,
  fileNotAFile,
  fileFolderTooDeep,
  fileTooLarge,
  fileUnreadable,
  fileEmpty,
  fileSha256Mismatch,
  fileKindMismatch,
  unknownRequirement,
  requirementOtherProfile,
  unknownProofFolder,
  manifestIdentityBlank,
];

const EFFECTS = new Map(RULES.map((rule) => [rule.code, rule.verdict]));

/** Verdict an error finding forces; errors of codes outside the registry (artefact validators) → non-conforme. */
export function verdictEffect(code: string): VerdictEffect {
  return EFFECTS.get(code) ?? 'non-conforme';
}
