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

/** Files named per value in a message; the others are counted (`+12`). */
const FILES_NAMED = 3;

/**
 * For every INS stated with different traits, ONE finding (an error) naming the files and the traits
 * that differ. It is attached to the artefacts that stray from the others — those whose value is not
 * the one most of the INS's artefacts state — so that one CDA written for another patient does not
 * make dozens of healthy files "non-conforme"; when no value has a majority (two files that disagree),
 * every artefact stating the trait is attached. Also a warning on an artefact using an INS that
 * another artefact lists as replaced (INSHISTO).
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
    const differing = TRAITS.map((trait) => ({ trait, values: valuesOf(trait, group) })).filter(({ values }) => values.length > 1);
    if (differing.length === 0) continue;
    const strays = new Set<number>();
    for (const { values } of differing) {
      const majority = values[0]!.sources.length > values[1]!.sources.length ? values[0] : undefined;
      for (const value of values) if (value !== majority) for (const source of value.sources) strays.add(source.artefact);
    }
    const differences = differing.map(({ trait, values }) => `${TRAIT_LABELS[trait]} = ${values.map(describeValue).join(' ≠ ')}`).join(' ; ');
    const files = new Set(group.map((source) => source.displayPath)).size;
    for (const source of group) {
      if (!strays.has(source.artefact) || conflicts.some((conflict) => conflict.artefact === source.artefact && conflict.finding.args.ins === ins)) continue;
      conflicts.push({
        artefact: source.artefact,
        finding: { rule: 'ins/identity-conflict', severity: 'error', args: { ins, files, differences }, location: source.identity.location },
      });
    }
  }
  appendAll(conflicts, findHistoricalUses(sources));
  return conflicts.sort((a, b) => a.artefact - b.artefact);
}

interface TraitValue {
  /** As the first artefact stating it wrote it. */
  value: string;
  sources: IdentitySource[];
}

/** The distinct values of `trait` in `group` (names compared loosely), most stated first, then in order of appearance. */
function valuesOf(trait: (typeof TRAITS)[number], group: readonly IdentitySource[]): TraitValue[] {
  const values = new Map<string, TraitValue>();
  for (const source of group) {
    const value = source.identity[trait];
    if (value === undefined) continue;
    const key = normalise(trait, value);
    const entry = values.get(key) ?? { value, sources: [] };
    if (!entry.sources.some((other) => other.artefact === source.artefact)) entry.sources.push(source);
    values.set(key, entry);
  }
  return [...values.values()].sort((a, b) => b.sources.length - a.sources.length);
}

/** `DURAND (proofs/a.xml)`, `MARTIN (proofs/b.xml, proofs/c.xml, proofs/d.xml +4)`: data only, no wording. */
function describeValue({ value, sources }: TraitValue): string {
  const paths = [...new Set(sources.map((source) => source.displayPath))];
  const named = paths.slice(0, FILES_NAMED).join(', ');
  return `${value} (${paths.length > FILES_NAMED ? `${named} +${paths.length - FILES_NAMED}` : named})`;
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
