// The wording of a catalog diff shared by its text renderers (tty, Markdown, XLSX) and by the
// comments of `init --upgrade`: lines of text, with the word diffs kept apart so that each format
// shows them its own way (colours, <del>/<ins>, rich text, `[-…-]{+…+}`).
import type { Translate } from '../../report/render/wording.js';
import type { Catalog, Requirement } from '../schema.js';
import type {
  CatalogDiff,
  FieldChange,
  ItemDiff,
  ItemMatch,
  ProofImpact,
  RequirementDiff,
  RequirementImpact,
  RequirementMatch,
  RequirementStatus,
  WordSegment,
} from './model.js';
import { appendAll } from '../../util/append.js';

export interface DiffLine {
  text: string;
  /** Shown after `text` when present. */
  words?: WordSegment[];
}

/** Everything a diff renderer reads: the model, and the two catalogs for requirement texts. */
export interface DiffContext {
  diff: CatalogDiff;
  oldCatalog: Catalog;
  newCatalog: Catalog;
  t: Translate;
  lang: 'fr' | 'en';
}

/** The sections of a diff in reading order; unchanged requirements are only counted. */
export const SECTIONS: readonly Exclude<RequirementStatus, 'unchanged'>[] = ['added', 'removed', 'renamed', 'changed'];

export function sectionEntries(diff: CatalogDiff, status: RequirementStatus): RequirementDiff[] {
  return diff.requirements.filter((entry) => entry.status === status);
}

/** `[-removed-]{+added+}`, git's word-diff notation, for plain text. */
export function plainWords(segments: readonly WordSegment[]): string {
  return segments.map((segment) => (segment.op === '=' ? segment.text : segment.op === '-' ? `[-${segment.text}-]` : `{+${segment.text}+}`)).join('');
}

export function matchLabel(t: Translate, match: RequirementMatch | ItemMatch): string {
  return match.by === 'similarity' ? t('diff/match.similarity', { similarity: decimal(t, match.similarity) }) : t(`diff/match.${match.by}`);
}

/** Two decimals with the language's separator (`0,87` in French, `0.87` in English). */
export function decimal(t: Translate, value: number): string {
  return value.toFixed(2).replace('.', t('diff/decimal-separator'));
}

export function summaryLines(context: DiffContext): string[] {
  const { diff, t } = context;
  const { requirements, scenarios, proofs } = diff.summary;
  const total = Object.values(requirements).reduce((sum, count) => sum + count, 0);
  const lines = [
    t('diff/summary', { total, ...requirements, tightened: diff.summary.tightened, loosened: diff.summary.loosened }),
    t('diff/summary-items', {
      scenariosAdded: scenarios.added,
      scenariosRemoved: scenarios.removed,
      scenariosRenumbered: scenarios.renumbered,
      scenariosChanged: scenarios.changed,
      proofsAdded: proofs.added,
      proofsRemoved: proofs.removed,
      proofsRenumbered: proofs.renumbered,
      proofsChanged: proofs.changed,
    }),
    t('diff/threshold', { threshold: decimal(t, diff.similarityThreshold) }),
  ];
  if (diff.similarityLimited) lines.push(t('diff/similarity-limited'));
  if (diff.wordDiffLimited) lines.push(t('diff/word-diff-limited'));
  return lines;
}

/** The requirement as the REM describes it: from the new catalog, the old one for a removed requirement. */
export function requirementOf(context: DiffContext, entry: { old?: string; new?: string }): Requirement | undefined {
  const pick = (catalog: Catalog, id: string | undefined) => (id === undefined ? undefined : requirementIndex(catalog).get(id));
  return pick(context.newCatalog, entry.new) ?? pick(context.oldCatalog, entry.old);
}

const indexes = new WeakMap<Catalog, Map<string, Requirement>>();

/** Requirements by id, built once per catalog: renderers look up every entry (linear, not quadratic). */
function requirementIndex(catalog: Catalog): Map<string, Requirement> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map();
    // The first of a duplicated id, as `find` would.
    for (const requirement of catalog.requirements) if (!index.has(requirement.id)) index.set(requirement.id, requirement);
    indexes.set(catalog, index);
  }
  return index;
}

/** `INS/va1.03 → INS/va2.03 — Transmission de l'INS (colonne VA N-1)`. */
export function requirementTitle(context: DiffContext, entry: RequirementDiff): string {
  const ids = entry.old !== undefined && entry.new !== undefined && entry.old !== entry.new ? `${entry.old} → ${entry.new}` : (entry.new ?? entry.old)!;
  const requirement = requirementOf(context, entry);
  const details = [entry.nature, ...(entry.status === 'renamed' && entry.match ? [matchLabel(context.t, entry.match)] : [])].join(', ');
  return `${ids}${requirement?.function ? ` — ${requirement.function}` : ''} (${details})`;
}

/** One line per field change, then per scenario and proof that is not unchanged. */
export function changeLines(t: Translate, entry: RequirementDiff): DiffLine[] {
  const lines = entry.changes.map((change) => fieldLine(t, change));
  if (entry.status === 'added' || entry.status === 'removed') return lines;
  for (const [kind, items] of [
    ['scenario', entry.scenarios],
    ['proof', entry.proofs],
  ] as const) {
    for (const item of items) appendAll(lines, itemLines(t, kind, item));
  }
  return lines;
}

export function fieldLine(t: Translate, change: FieldChange): DiffLine {
  switch (change.field) {
    case 'statement':
      return { text: t('diff/change.statement'), words: change.words };
    case 'nature':
      return { text: t(`diff/change.nature.${change.direction}`, { old: change.old, new: change.new }) };
    case 'conditional':
      return {
        text: t(`diff/change.conditional.${change.direction ?? 'neutral'}`, {
          old: t(`diff/conditional.${String(change.old)}`),
          new: t(`diff/conditional.${String(change.new)}`),
        }),
      };
    case 'profiles':
      return { text: t('diff/change.profiles', { changes: [...change.added.map((profile) => `+${profile}`), ...change.removed.map((profile) => `−${profile}`)].join(', ') }) };
    default:
      return { text: t('diff/change.field', { field: t(`diff/field.${change.field}`), old: change.old ?? t('diff/empty'), new: change.new ?? t('diff/empty') }) };
  }
}

function itemLines(t: Translate, kind: 'scenario' | 'proof', item: ItemDiff): DiffLine[] {
  if (item.status === 'unchanged') return [];
  const id = (item.new ?? item.old)!;
  const head = t(`diff/item.${kind}.${item.status}`, { id, old: item.old ?? '', new: item.new ?? '', match: item.match ? matchLabel(t, item.match) : '' });
  if (!item.text) return [{ text: head }];
  return [{ text: head }, { text: `  ${t('diff/item.text')}`, words: item.text }];
}

/** `INS/va1.03 → INS/va2.03 — exigence renommée, déclarée conforme`. */
export function impactTitle(t: Translate, requirement: RequirementImpact): string {
  const ids = requirement.old !== undefined && requirement.new !== undefined && requirement.old !== requirement.new ? `${requirement.old} → ${requirement.new}` : (requirement.new ?? requirement.old)!;
  const parts = [t(`diff/impact.change.${requirement.change}`), ...(requirement.declared ? [t('diff/impact.declared', { status: requirement.declared })] : [])];
  return `${ids} — ${parts.join(', ')}`;
}

/** One line per proof, then one per reused folder. */
export function impactProofLines(t: Translate, proof: ProofImpact): string[] {
  const files = t('diff/files', { count: proof.files.length });
  const key = proof.status === 'new' && proof.files.length > 0 ? 'diff/impact.new-with-files' : `diff/impact.${proof.status}`;
  const lines = [t(key, { id: (proof.new ?? proof.old)!, old: proof.old ?? '', new: proof.new ?? '', files })];
  if (proof.reusedFolderFiles) {
    const folder = proof.reusedFolderFiles[0]!.split('/').slice(0, 2).join('/');
    lines.push(t('diff/impact.reused', { folder: `${folder}/`, count: proof.reusedFolderFiles.length, id: proof.new! }));
  }
  return lines;
}

/** Requirements of the impact worth showing: every one with a proof that does not simply map, or a change. */
export function impactWorthShowing(requirement: RequirementImpact): boolean {
  return requirement.change !== 'unchanged' || requirement.proofs.some((proof) => proof.status !== 'maps' || proof.reusedFolderFiles);
}
