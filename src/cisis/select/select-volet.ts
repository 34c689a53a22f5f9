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
      /** The @extension names no known version: the family's newest version was chosen. */
      unknownExtension?: true;
      /** A volet the document declares that the header overrules (another type, or another version). */
      declaredIgnored?: string;
    }
  | { volet: string; reason: 'forced' }
  | { volet: string; reason: 'declared' }
  | { volet?: undefined; reason: 'no-volet' | 'level1' }
  /** The header names several families and its code settles none: `candidates`, family names in table order. */
  | { volet?: undefined; reason: 'ambiguous'; candidates: string[] }
  /** A known document reusing a volet's templateId without being of it (volet-table.ts, rule 3b). */
  | { volet?: undefined; reason: 'known-document'; templateId: string; code: string; document: string };

type HeaderChoice = Exclude<VoletChoice, { reason: 'forced' | 'declared' }>;

/**
 * `--volet` first; then the header (volet-table.ts), which a volet the document declares in an
 * `<?oxygen SCHSchema?>` line only completes: it names the version when the header's templateId
 * carries no extension and the declared volet is of the header's family, and it is run when the
 * header names no family (or only a known non-volet document, or a level-1 body). A declaration
 * contradicting the header (another family, or another version than @extension names, or any
 * version beside an @extension naming none) is set aside and returned as `declaredIgnored`: the
 * prolog line is often left from the ANS example a document was written from, and running an older
 * version's rules would pass what the document's own version fails. An ambiguous header is never
 * settled by a declaration (the document would choose its judge): `--volet` settles it.
 * `known`: the volets of the tree (a declared volet the tree lacks is ignored).
 */
export function selectVolet(facts: HeaderFacts, forced?: string, known?: ReadonlySet<string>, table: readonly VoletFamily[] = VOLET_TABLE): VoletChoice {
  if (forced !== undefined) return { volet: forced, reason: 'forced' };
  const declared = facts.declared?.find((volet) => known === undefined || known.has(volet));
  const header = fromHeader(facts, table);
  if (declared === undefined || header.choice.reason === 'ambiguous') return header.choice;
  if (header.choice.reason !== 'templateId') return { volet: declared, reason: 'declared' };
  if (header.choice.extension === undefined && header.family !== undefined && familyVolets(header.family).has(declared)) return { volet: declared, reason: 'declared' };
  if (declared === header.choice.volet) return header.choice;
  return { ...header.choice, declaredIgnored: declared };
}

/** The table's choice from the header alone, and the family chosen. */
function fromHeader(facts: HeaderFacts, table: readonly VoletFamily[]): { choice: HeaderChoice; family?: VoletFamily } {
  let levelOneSkipped = false;
  let knownDocument: HeaderChoice | undefined;
  const candidates: { family: VoletFamily; templateId: HeaderFacts['templateIds'][number] }[] = [];
  for (const family of table) {
    const templateId = facts.templateIds.find((candidate) => candidate.root === family.templateId);
    if (!templateId) continue;
    if (family.codeRequired && (facts.code === undefined || !family.codes?.includes(facts.code))) continue;
    const reuse = templateId.extension === undefined ? family.knownDocuments?.find((document) => document.code === facts.code) : undefined;
    if (reuse) {
      knownDocument ??= { reason: 'known-document', templateId: family.templateId, code: reuse.code, document: reuse.name };
      continue;
    }
    if (facts.level === 1 && !family.level1) {
      levelOneSkipped = true;
      continue;
    }
    candidates.push({ family, templateId });
  }
  // Several families: the document code may name one; otherwise no volet is picked on a guess
  // (table order would let a document add an earlier family's templateId to choose its judge).
  const byCode = candidates.length > 1 ? candidates.filter(({ family }) => facts.code !== undefined && family.codes?.includes(facts.code)) : candidates;
  if (byCode.length > 1 || (byCode.length === 0 && candidates.length > 1)) {
    return { choice: { reason: 'ambiguous', candidates: candidates.map(({ family }) => family.family) } };
  }
  const chosen = byCode[0];
  if (!chosen) return { choice: knownDocument ?? { reason: levelOneSkipped ? 'level1' : 'no-volet' } };
  return { choice: versionOf(chosen.family, chosen.templateId, facts), family: chosen.family };
}

/** The family's volet for the templateId's @extension (volet-table.ts, rule 2). */
function versionOf(family: VoletFamily, templateId: HeaderFacts['templateIds'][number], facts: HeaderFacts): Extract<VoletChoice, { reason: 'templateId' }> {
  const base = { reason: 'templateId' as const, templateId: family.templateId };
  const { extension } = templateId;
  if (extension === undefined) {
    const probed = family.probe && facts.hasTemplateId?.(family.probe.templateId) ? family.probe.volet : undefined;
    return { volet: probed ?? family.fallback, ...base };
  }
  const named = Object.hasOwn(family.versions, extension) ? family.versions[extension] : undefined;
  if (named !== undefined) return { volet: named, ...base, extension };
  return { volet: family.newest, ...base, extension, unknownExtension: true };
}

/** Every volet of a family: its versions, its fallback, its probe's volet. */
function familyVolets(family: VoletFamily): Set<string> {
  return new Set([...Object.values(family.versions), family.fallback, ...(family.probe ? [family.probe.volet] : [])]);
}
