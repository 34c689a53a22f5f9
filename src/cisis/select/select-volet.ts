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
  /** Volets named by `<?oxygen SCHSchema?>` processing instructions (`CI-SIS_<volet>.sch`). */
  declared?: string[];
  /** Whether the document holds an element with this templateId anywhere (body probes). */
  hasTemplateId?: (root: string) => boolean;
}

export type VoletChoice =
  | { volet: string; reason: 'templateId'; templateId: string; extension?: string }
  | { volet: string; reason: 'forced' }
  | { volet: string; reason: 'declared' }
  | { volet?: undefined; reason: 'no-volet' | 'level1' };

/** `known`: the volets of the tree (a declared volet the tree lacks is ignored). */
export function selectVolet(facts: HeaderFacts, forced?: string, known?: ReadonlySet<string>, table: readonly VoletFamily[] = VOLET_TABLE): VoletChoice {
  if (forced !== undefined) return { volet: forced, reason: 'forced' };
  const declared = facts.declared?.find((volet) => known === undefined || known.has(volet));
  if (declared !== undefined) return { volet: declared, reason: 'declared' };
  let levelOneSkipped = false;
  for (const family of table) {
    const templateId = facts.templateIds.find((candidate) => candidate.root === family.templateId);
    if (!templateId) continue;
    if (family.codes && (facts.code === undefined || !family.codes.includes(facts.code))) continue;
    if (facts.level === 1 && !family.level1) {
      levelOneSkipped = true;
      continue;
    }
    const byExtension = templateId.extension !== undefined ? family.versions[templateId.extension] : undefined;
    const probed = family.probe && facts.hasTemplateId?.(family.probe.templateId) ? family.probe.volet : undefined;
    const volet = byExtension ?? probed ?? family.fallback;
    return { volet, reason: 'templateId', templateId: family.templateId, ...(templateId.extension !== undefined ? { extension: templateId.extension } : {}) };
  }
  return { reason: levelOneSkipped ? 'level1' : 'no-volet' };
}
