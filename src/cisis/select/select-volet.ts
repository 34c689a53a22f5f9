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
  | {
      volet: string;
      reason: 'templateId';
      templateId: string;
      extension?: string;
      /** A volet the document declares that the header overrules (another type, or another version). */
      declaredIgnored?: string;
    }
  | { volet: string; reason: 'forced' }
  | { volet: string; reason: 'declared' }
  | { volet?: undefined; reason: 'no-volet' | 'level1' };

/**
 * `--volet` first; then the header (volet-table.ts), which a volet the document declares in an
 * `<?oxygen SCHSchema?>` line only completes: it names the version when the header's templateId
 * carries none (or an unknown one) and the declared volet is of the header's family, and it is run
 * when the header matches no family. A declaration contradicting the header (another family, or
 * another version than @extension names) is set aside and returned as `declaredIgnored`: the
 * prolog line is often left from the ANS example a document was written from, and running an older
 * version's rules would pass what the document's own version fails.
 * `known`: the volets of the tree (a declared volet the tree lacks is ignored).
 */
export function selectVolet(facts: HeaderFacts, forced?: string, known?: ReadonlySet<string>, table: readonly VoletFamily[] = VOLET_TABLE): VoletChoice {
  if (forced !== undefined) return { volet: forced, reason: 'forced' };
  const declared = facts.declared?.find((volet) => known === undefined || known.has(volet));
  const header = fromHeader(facts, table);
  if (declared === undefined) return header.choice;
  if (header.choice.reason !== 'templateId') return { volet: declared, reason: 'declared' };
  if (!header.versionNamed && header.family !== undefined && familyVolets(header.family).has(declared)) return { volet: declared, reason: 'declared' };
  if (declared === header.choice.volet) return header.choice;
  return { ...header.choice, declaredIgnored: declared };
}

/** The table's choice from the header alone; `versionNamed`: @extension named a listed version. */
function fromHeader(
  facts: HeaderFacts,
  table: readonly VoletFamily[],
): { choice: Extract<VoletChoice, { reason: 'templateId' | 'no-volet' | 'level1' }>; family?: VoletFamily; versionNamed: boolean } {
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
    const probed = byExtension === undefined && family.probe && facts.hasTemplateId?.(family.probe.templateId) ? family.probe.volet : undefined;
    const volet = byExtension ?? probed ?? family.fallback;
    return {
      choice: { volet, reason: 'templateId', templateId: family.templateId, ...(templateId.extension !== undefined ? { extension: templateId.extension } : {}) },
      family,
      versionNamed: byExtension !== undefined,
    };
  }
  return { choice: { reason: levelOneSkipped ? 'level1' : 'no-volet' }, versionNamed: false };
}

/** Every volet of a family: its versions, its fallback, its probe's volet. */
function familyVolets(family: VoletFamily): Set<string> {
  return new Set([...Object.values(family.versions), family.fallback, ...(family.probe ? [family.probe.volet] : [])]);
}
