// The evidence bundle manifest `segur.yaml` (schema `segur-bundle/1`, contract in docs/product.md).
// Strict objects: an unknown key is a typo the editor wants to hear about, not something to ignore.
import { z } from 'zod';
import { ARTEFACT_KINDS } from '../artefacts/types.js';
import { ManifestRunConfigSchema } from '../config/schema.js';

export const MANIFEST_SCHEMA = 'segur-bundle/1';
export const MANIFEST_FILE = 'segur.yaml';

export const DECLARED_STATUSES = ['conforme', 'non-applicable', 'en-cours'] as const;
export const StatusSchema = z.enum(DECLARED_STATUSES);

export const EvidenceEntrySchema = z.strictObject({
  path: z.string().min(1),
  kind: z.enum(ARTEFACT_KINDS).optional(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
  note: z.string().optional(),
});

export const ScenarioEntrySchema = z.strictObject({
  status: StatusSchema,
  justification: z.string().optional(),
});

export const RequirementEntrySchema = z.strictObject({
  status: StatusSchema.optional(),
  justification: z.string().optional(),
  scenarios: z.record(z.string(), ScenarioEntrySchema).optional(),
  proofs: z.record(z.string(), z.array(EvidenceEntrySchema).nullable()).optional(),
  note: z.string().optional(),
});

export const ManifestSchema = z.strictObject({
  schema: z.literal(MANIFEST_SCHEMA),
  editor: z.strictObject({ name: z.string(), nie: z.string().optional() }).optional(),
  software: z.strictObject({ name: z.string(), version: z.string(), nil: z.string().optional() }).optional(),
  /** CATALOG reference: an id from rem-catalogs/, or a file path relative to the manifest. */
  rem: z.string().min(1).optional(),
  profile: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** An entry left empty (`INS/va1.01:`) means "nothing declared yet". */
  requirements: z.record(z.string(), RequirementEntrySchema.nullable()).optional(),
  /** TestContenuCDA folder (ANS CI-SIS volet schematrons), relative to the manifest: CDA content rules run. */
  cisis: z.string().min(1).optional(),
  /** Run options for CI (src/config/schema.ts); optional, so every `segur-bundle/1` manifest stays valid. */
  segur: ManifestRunConfigSchema.optional(),
});

export type DeclaredStatus = z.infer<typeof StatusSchema>;
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>;
export type ScenarioEntry = z.infer<typeof ScenarioEntrySchema>;
export type RequirementEntry = z.infer<typeof RequirementEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
