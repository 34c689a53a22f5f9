// Chooses the volet of a CDA document from its header facts (volet-table.ts explains the rules),
// or takes the one the user forces with `--volet`.
import { VOLET_TABLE, type VoletFamily } from './volet-table.js';

export interface HeaderFacts {
  /** ClinicalDocument/templateId elements (root, and extension when present). */
  templateIds: { root: string; extension?: string }[];
  /** ClinicalDocument/code/@code. */
  code?: string;
  /** 1: nonXMLBody; 3: structuredBody; undefined: neither. */
  level?: 1 | 3;
}

export type VoletChoice =
  | { volet: string; reason: 'templateId'; templateId: string; extension?: string }
  | { volet: string; reason: 'forced' }
  | { volet?: undefined; reason: 'no-volet' | 'level1' };

export function selectVolet(facts: HeaderFacts, forced?: string, table: readonly VoletFamily[] = VOLET_TABLE): VoletChoice {
  if (forced !== undefined) return { volet: forced, reason: 'forced' };
  let levelOneSkipped = false;
  for (const family of table) {
    const templateId = facts.templateIds.find((candidate) => candidate.root === family.templateId);
    if (!templateId) continue;
    if (family.codes && (facts.code === undefined || !family.codes.includes(facts.code))) continue;
    if (facts.level === 1 && !family.level1) {
      levelOneSkipped = true;
      continue;
    }
    const volet = (templateId.extension !== undefined ? family.versions[templateId.extension] : undefined) ?? family.fallback;
    return { volet, reason: 'templateId', templateId: family.templateId, ...(templateId.extension !== undefined ? { extension: templateId.extension } : {}) };
  }
  return { reason: levelOneSkipped ? 'level1' : 'no-volet' };
}
