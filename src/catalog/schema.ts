// The requirement catalog (schema `segur-catalog/1`): what a REM workbook becomes once imported.
// Types are derived from the zod schema so that what we validate is what we type.
import { z } from 'zod';

export const CATALOG_SCHEMA = 'segur-catalog/1';

export const ProofSchema = z.strictObject({
  /** "N° preuve" exactly as in the REM, e.g. `INS/va1.01.01.01`. */
  id: z.string().min(1),
  text: z.string(),
});

export const ScenarioSchema = z.strictObject({
  /** "N° scénario", e.g. `INS/va1.01.01`. */
  id: z.string().min(1),
  text: z.string(),
  proofs: z.array(ProofSchema),
});

export const NatureSchema = z.enum(['EXIGENCE', 'PRECONISATION']);

export const RequirementSchema = z.strictObject({
  id: z.string().min(1),
  /** "Périmètre", e.g. `Vague 1`. */
  scope: z.string().optional(),
  chapter: z.string(),
  block: z.string().optional(),
  function: z.string(),
  statement: z.string(),
  comment: z.string().optional(),
  nature: NatureSchema,
  /** `null` when the REM does not say. */
  conditional: z.boolean().nullable(),
  profiles: z.array(z.string()),
  criticality: z.string().optional(),
  publicationStatus: z.string().optional(),
  previousId: z.string().optional(),
  order: z.string().optional(),
  scenarios: z.array(ScenarioSchema),
});

export const CatalogSourceSchema = z.strictObject({
  /** File name of the workbook (no folder), e.g. `REM-MDV-LGC-Va1.xlsx`. */
  file: z.string(),
  sheet: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const CatalogSchema = z.strictObject({
  schema: z.literal(CATALOG_SCHEMA),
  id: z.string().min(1),
  title: z.string(),
  source: CatalogSourceSchema,
  requirements: z.array(RequirementSchema),
});

export type Proof = z.infer<typeof ProofSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Nature = z.infer<typeof NatureSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type CatalogSource = z.infer<typeof CatalogSourceSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

/** Requirements that apply to any of `profiles`; all of them when no profile is asked. */
export function requirementsForProfiles(catalog: Catalog, profiles: readonly string[]): Requirement[] {
  if (profiles.length === 0) return catalog.requirements;
  const wanted = new Set(profiles.map(normaliseProfile));
  return catalog.requirements.filter((requirement) =>
    requirement.profiles.some((profile) => wanted.has(normaliseProfile(profile))),
  );
}

/** Profiles compare without regard to case or accents (`general` finds `Général`). */
export function normaliseProfile(profile: string): string {
  return profile.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}
