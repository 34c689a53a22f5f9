// The catalog fields a REM column can feed, and the header names seen in published REMs
// (rem-format.md). Headers are compared after normaliseHeader().
import { normaliseHeader } from './normalise.js';

export const MAX_PROOF_PAIRS = 10;

export const REQUIREMENT_FIELDS = [
  'scope',
  'id',
  'chapter',
  'block',
  'function',
  'statement',
  'comment',
  'nature',
  'conditional',
  'profile',
  'publicationStatus',
  'previousId',
  'criticality',
  'order',
] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];

const PROOF_INDEXES = Array.from({ length: MAX_PROOF_PAIRS }, (_, index) => index + 1);
export const PROOF_FIELDS = PROOF_INDEXES.flatMap((k) => [`proofId${k}`, `proof${k}`]) as ProofField[];
export type ProofField = `proofId${number}` | `proof${number}`;

/** Every field a column can map to; `ignore` drops a column on purpose (in a --columns map). */
export const COLUMN_FIELDS = [...REQUIREMENT_FIELDS, 'scenarioId', 'scenario', ...PROOF_FIELDS, 'ignore'] as const;
export type ColumnField = RequirementField | 'scenarioId' | 'scenario' | ProofField | 'ignore';

export function isColumnField(value: string): value is ColumnField {
  return (COLUMN_FIELDS as readonly string[]).includes(value);
}

/** Why a column was left out of the catalog (reported by --explain). */
export type IgnoredReason = 'reviewer' | 'unused' | 'unknown' | 'duplicate' | 'mapped-ignore';

export type HeaderMeaning = { field: Exclude<ColumnField, 'ignore'> } | { ignored: 'reviewer' | 'unused' };

const EXACT_HEADERS: Record<string, Exclude<ColumnField, 'ignore'>> = {
  perimetre: 'scope',
  id: 'id',
  'n° exigence': 'id',
  'id exigence': 'id',
  chapitre: 'chapter',
  section: 'chapter',
  bloc: 'block',
  fonction: 'function',
  exigence: 'statement',
  commentaire: 'comment',
  commentaires: 'comment',
  "nature de l'exigence": 'nature',
  nature: 'nature',
  profil: 'profile',
  profils: 'profile',
  'n° scenario': 'scenarioId',
  'scenario de conformite': 'scenario',
  'n° preuve': 'proofId1',
  preuve: 'proof1',
  'statut publication': 'publicationStatus',
  'statut de publication': 'publicationStatus',
  'va n-1': 'previousId',
  criticite: 'criticality',
  ordre: 'order',
};

/** Columns ANS reviewers use while preparing a REM: not part of the requirement. */
const REVIEWER_HEADERS = new Set(
  [
    'bon pour publication',
    'référence exigence',
    'référence cas de test',
    'référence exigence socle',
    'points de vérification',
    'Note interne',
    'Rem Ségur',
  ].map(normaliseHeader),
);

/** Known columns whose content the catalog model does not keep. */
const UNUSED_HEADERS = new Set(['id section', 'profil historique']);

/** What a normalised header means, or undefined when it is not a known REM column. */
export function knownHeaderMeaning(normalised: string): HeaderMeaning | undefined {
  if (Object.hasOwn(EXACT_HEADERS, normalised)) return { field: EXACT_HEADERS[normalised]! };
  const proofId = /^n° preuve (\d+)$/.exec(normalised);
  if (proofId && isProofIndex(Number(proofId[1]))) return { field: `proofId${Number(proofId[1])}` };
  const proof = /^preuve (\d+)$/.exec(normalised);
  if (proof && isProofIndex(Number(proof[1]))) return { field: `proof${Number(proof[1])}` };
  if (normalised.startsWith("enonce de l'exigence")) return { field: 'statement' };
  if (normalised.startsWith('exigence conditionnelle')) return { field: 'conditional' };
  if (REVIEWER_HEADERS.has(normalised)) return { ignored: 'reviewer' };
  if (UNUSED_HEADERS.has(normalised)) return { ignored: 'unused' };
  return undefined;
}

function isProofIndex(k: number): boolean {
  return Number.isInteger(k) && k >= 1 && k <= MAX_PROOF_PAIRS;
}
