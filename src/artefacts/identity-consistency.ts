// Cross-artefact INS check (docs/product.md): the same INS must carry the same traits in every
// artefact of a bundle. Returns, for each inconsistent artefact, findings to attach to it.
import type { ArtefactFinding, PatientIdentity } from './types.js';
import { appendAll } from '../util/append.js';

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

/** Traits compared across artefacts, in the order a conflict is reported. */
const TRAITS = ['birthFamilyName', 'firstBirthGivenName', 'sex', 'birthDate', 'birthplace'] as const;

/** How messages name a trait: the CDA element and the INSi field (language-neutral). */
const TRAIT_LABELS: Record<(typeof TRAITS)[number], string> = {
  birthFamilyName: "family[@qualifier='BR'] / NomNaissance",
  firstBirthGivenName: "given[@qualifier='BR'] / Prenom",
  sex: 'administrativeGenderCode / Sexe',
  birthDate: 'birthTime / DateNaissance',
  birthplace: 'birthplace/place/addr/county / LieuNaissance',
};

/**
 * For every INS stated with different traits, one error per artefact involved in a difference
 * (the first differing trait, compared with the first other artefact that disagrees); and a
 * warning on an artefact using an INS that another artefact lists as replaced (INSHISTO).
 */
export function findIdentityConflicts(sources: readonly IdentitySource[]): IdentityConflict[] {
  const byIns = new Map<string, IdentitySource[]>();
  for (const source of sources) {
    const group = byIns.get(source.identity.ins) ?? [];
    group.push(source);
    byIns.set(source.identity.ins, group);
  }
  const conflicts: IdentityConflict[] = [];
  for (const [ins, group] of byIns) {
    const reported = new Set<number>();
    for (const source of group) {
      if (reported.has(source.artefact)) continue;
      const disagreement = firstDisagreement(source, group);
      if (!disagreement) continue;
      reported.add(source.artefact);
      const { trait, other } = disagreement;
      conflicts.push({
        artefact: source.artefact,
        finding: {
          rule: 'ins/identity-conflict',
          severity: 'error',
          args: {
            ins,
            trait: TRAIT_LABELS[trait],
            value: source.identity[trait],
            otherValue: other.identity[trait],
            otherFile: other.displayPath,
          },
          location: source.identity.location,
        },
      });
    }
  }
  appendAll(conflicts, findHistoricalUses(sources));
  return conflicts.sort((a, b) => a.artefact - b.artefact);
}

/** An artefact still carrying an INS that another artefact (an INSi answer) lists as replaced: a warning. */
function findHistoricalUses(sources: readonly IdentitySource[]): IdentityConflict[] {
  const found: IdentityConflict[] = [];
  for (const source of sources) {
    const replacing = sources.find(
      (other) => other.artefact !== source.artefact && other.identity.historicalIns?.includes(source.identity.ins),
    );
    if (!replacing) continue;
    found.push({
      artefact: source.artefact,
      finding: {
        rule: 'ins/historical-ins',
        severity: 'warning',
        args: { ins: source.identity.ins, otherIns: replacing.identity.ins, otherFile: replacing.displayPath },
        location: source.identity.location,
      },
    });
  }
  return found;
}

function firstDisagreement(
  source: IdentitySource,
  group: readonly IdentitySource[],
): { trait: (typeof TRAITS)[number]; other: IdentitySource } | undefined {
  for (const trait of TRAITS) {
    const mine = source.identity[trait];
    if (mine === undefined) continue;
    const other = group.find(
      (candidate) =>
        candidate.artefact !== source.artefact &&
        candidate.identity[trait] !== undefined &&
        normalise(trait, candidate.identity[trait]!) !== normalise(trait, mine),
    );
    if (other) return { trait, other };
  }
  return undefined;
}

/**
 * Names compare without case, accents or spacing differences; a Corsican birthplace as `20xxx`, the
 * code of before 1976 (`2A004` and `20004` are both Ajaccio: commune numbers were kept); other
 * traits exactly.
 */
function normalise(trait: (typeof TRAITS)[number], value: string): string {
  if (trait === 'birthplace') return value.trim().toUpperCase().replace(/^2[AB](?=\d{3}$)/, '20');
  if (trait !== 'birthFamilyName' && trait !== 'firstBirthGivenName') return value.trim();
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}
