// `diffCatalogs(old, new)`: the `segur-catalog-diff/1` model of two REM catalogs.
//
// Requirements are paired in three stages: the new REM's "VA N-1" column (`previousId`), then the
// same id, then statement similarity ≥ SIMILARITY_THRESHOLD (similarity.ts). Within a pair, scenarios
// and proofs are paired the same way on their own texts: same id and text, then same text (a
// renumbering), then same id (a rewording), then similar text. Ids are compared after the old
// requirement id prefix is replaced by the new one, so the proofs of a renamed requirement follow it.
import { toolVersion } from '../../version.js';
import type { Catalog, Requirement } from '../schema.js';
import { normaliseProfile } from '../schema.js';
import {
  CATALOG_DIFF_SCHEMA,
  TEXT_FIELDS,
  type CatalogDiff,
  type CatalogRef,
  type DiffSummary,
  type FieldChange,
  type ItemCounts,
  type ItemDiff,
  type ItemMatch,
  type RequirementDiff,
  type RequirementMatch,
} from './model.js';
import { Pairing, SimilarityBudget } from './match.js';
import { SIMILARITY_THRESHOLD, roundSimilarity } from './similarity.js';
import { WordDiffBudget, normaliseSpaces, sameText, wordDiff } from './word-diff.js';

/** Budgets of one diff; the defaults (SIMILARITY_WORK, WORD_DIFF_STEPS) suit every real REM. */
export interface DiffBounds {
  similarityWork?: number;
  wordDiffSteps?: number;
}

/** The work bounds of one diff (match.ts, word-diff.ts), shared by every stage and pair. */
interface Budgets {
  similarity: SimilarityBudget;
  words: WordDiffBudget;
}

/**
 * The diff of two catalogs. Work is bounded by their size (match.ts SIMILARITY_WORK, word-diff.ts
 * WORD_DIFF_STEPS and MAX_WORD_DIFF_CHARS); when a bound cuts a stage short the diff says so
 * (`similarityLimited`, `wordDiffLimited`). Deterministic: same catalogs, same diff.
 */
export function diffCatalogs(oldCatalog: Catalog, newCatalog: Catalog, bounds: DiffBounds = {}): CatalogDiff {
  const olds = oldCatalog.requirements;
  const news = newCatalog.requirements;
  const budgets: Budgets = { similarity: new SimilarityBudget(bounds.similarityWork), words: new WordDiffBudget(bounds.wordDiffSteps) };
  const pairing = new Pairing<RequirementMatch>(
    olds.map((requirement) => requirement.id),
    news.map((requirement) => requirement.id),
    budgets.similarity,
  );
  const oldIds = new Set(olds.map((requirement) => requirement.id));
  // "VA N-1" may name several former ids (a merge): the first one present in the old REM is taken.
  pairing.byKey((index) => olds[index]!.id, (index) => previousIdIn(news[index]!, oldIds), { by: 'previousId' });
  pairing.byKey((index) => olds[index]!.id, (index) => news[index]!.id, { by: 'id' });
  pairing.bySimilarity(
    (index) => olds[index]!.statement,
    (index) => news[index]!.statement,
    (similarity) => ({ by: 'similarity', similarity: roundSimilarity(similarity) }),
  );

  let similarityLimited = pairing.similarityLimited;
  const requirements: RequirementDiff[] = pairing.byNewIndex().map((pair, newIndex) => {
    const after = news[newIndex]!;
    if (!pair) return addedRequirement(after);
    const compared = compareRequirements(olds[pair.old]!, after, pair.match, budgets);
    similarityLimited ||= compared.similarityLimited;
    return compared.diff;
  });
  for (const oldIndex of pairing.unpairedOld().sort((a, b) => a - b)) requirements.push(removedRequirement(olds[oldIndex]!));

  return {
    schema: CATALOG_DIFF_SCHEMA,
    tool: { name: 'segur', version: toolVersion() },
    old: catalogRef(oldCatalog),
    new: catalogRef(newCatalog),
    similarityThreshold: SIMILARITY_THRESHOLD,
    ...(similarityLimited ? { similarityLimited: true } : {}),
    ...(budgets.words.limited ? { wordDiffLimited: true } : {}),
    summary: summarise(requirements),
    requirements,
  };
}

function previousIdIn(requirement: Requirement, oldIds: ReadonlySet<string>): string | undefined {
  if (requirement.previousId === undefined) return undefined;
  return requirement.previousId.split(/[\s,;]+/).find((id) => id !== '' && id !== requirement.id && oldIds.has(id));
}

function catalogRef(catalog: Catalog): CatalogRef {
  return { id: catalog.id, title: catalog.title, sha256: catalog.source.sha256 };
}

function addedRequirement(requirement: Requirement): RequirementDiff {
  return {
    status: 'added',
    new: requirement.id,
    nature: requirement.nature,
    changes: [],
    scenarios: requirement.scenarios.map((scenario) => ({ status: 'added', new: scenario.id })),
    proofs: proofsOf(requirement).map((proof) => ({ status: 'added', new: proof.id })),
  };
}

function removedRequirement(requirement: Requirement): RequirementDiff {
  return {
    status: 'removed',
    old: requirement.id,
    nature: requirement.nature,
    changes: [],
    scenarios: requirement.scenarios.map((scenario) => ({ status: 'removed', old: scenario.id })),
    proofs: proofsOf(requirement).map((proof) => ({ status: 'removed', old: proof.id })),
  };
}

function compareRequirements(before: Requirement, after: Requirement, match: RequirementMatch, budgets: Budgets): { diff: RequirementDiff; similarityLimited: boolean } {
  const translate = (id: string) => translatedId(id, before.id, after.id);
  const changes = fieldChanges(before, after, budgets.words);
  const scenarios = compareItems(before.scenarios, after.scenarios, translate, budgets);
  const proofs = compareItems(proofsOf(before), proofsOf(after), translate, budgets);
  const touched = changes.length > 0 || [...scenarios.items, ...proofs.items].some((item) => item.status !== 'unchanged');
  return {
    diff: {
      status: before.id !== after.id ? 'renamed' : touched ? 'changed' : 'unchanged',
      old: before.id,
      new: after.id,
      match,
      nature: after.nature,
      changes,
      scenarios: scenarios.items,
      proofs: proofs.items,
    },
    similarityLimited: scenarios.similarityLimited || proofs.similarityLimited,
  };
}

/** `INS/va1.03.01.02` under `INS/va1.03` → `INS/va2.03` reads `INS/va2.03.01.02`; other ids are kept. */
export function translatedId(id: string, oldRequirement: string, newRequirement: string): string {
  return oldRequirement !== newRequirement && id.startsWith(`${oldRequirement}.`) ? newRequirement + id.slice(oldRequirement.length) : id;
}

interface Item {
  id: string;
  text: string;
}

function compareItems(olds: readonly Item[], news: readonly Item[], translate: (id: string) => string, budgets: Budgets): { items: ItemDiff[]; similarityLimited: boolean } {
  const pairing = new Pairing<ItemMatch>(
    olds.map((item) => item.id),
    news.map((item) => item.id),
    budgets.similarity,
  );
  const text = (item: Item) => normaliseSpaces(item.text);
  pairing.byKey((index) => `${translate(olds[index]!.id)}\n${text(olds[index]!)}`, (index) => `${news[index]!.id}\n${text(news[index]!)}`, { by: 'id' });
  pairing.byKey((index) => text(olds[index]!) || undefined, (index) => text(news[index]!) || undefined, { by: 'text' });
  pairing.byKey((index) => translate(olds[index]!.id), (index) => news[index]!.id, { by: 'id' });
  pairing.bySimilarity(
    (index) => olds[index]!.text,
    (index) => news[index]!.text,
    (similarity) => ({ by: 'similarity', similarity: roundSimilarity(similarity) }),
  );

  const items: ItemDiff[] = pairing.byNewIndex().map((pair, newIndex) => {
    const after = news[newIndex]!;
    if (!pair) return { status: 'added', new: after.id };
    const before = olds[pair.old]!;
    const reworded = !sameText(before.text, after.text);
    const status = before.id !== after.id ? 'renumbered' : reworded ? 'changed' : 'unchanged';
    return { status, old: before.id, new: after.id, match: pair.match, ...(reworded ? { text: wordDiff(before.text, after.text, budgets.words) } : {}) };
  });
  for (const oldIndex of pairing.unpairedOld().sort((a, b) => a - b)) items.push({ status: 'removed', old: olds[oldIndex]!.id });
  return { items, similarityLimited: pairing.similarityLimited };
}

function proofsOf(requirement: Requirement): Item[] {
  return requirement.scenarios.flatMap((scenario) => scenario.proofs);
}

function fieldChanges(before: Requirement, after: Requirement, words: WordDiffBudget): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!sameText(before.statement, after.statement)) changes.push({ field: 'statement', words: wordDiff(before.statement, after.statement, words) });
  if (before.nature !== after.nature) {
    changes.push({ field: 'nature', old: before.nature, new: after.nature, direction: after.nature === 'EXIGENCE' ? 'tightened' : 'loosened' });
  }
  if (before.conditional !== after.conditional) {
    // Non-applicable is refused only where the REM says "not conditional" (docs/product.md, verdicts).
    const allowedBefore = before.conditional !== false;
    const allowedAfter = after.conditional !== false;
    const direction = allowedBefore === allowedAfter ? undefined : allowedBefore ? 'tightened' : 'loosened';
    changes.push({ field: 'conditional', old: before.conditional, new: after.conditional, ...(direction ? { direction } : {}) });
  }
  const profilesBefore = new Set(before.profiles.map(normaliseProfile));
  const profilesAfter = new Set(after.profiles.map(normaliseProfile));
  const added = after.profiles.filter((profile) => !profilesBefore.has(normaliseProfile(profile)));
  const removed = before.profiles.filter((profile) => !profilesAfter.has(normaliseProfile(profile)));
  if (added.length > 0 || removed.length > 0) changes.push({ field: 'profiles', added, removed });
  for (const field of TEXT_FIELDS) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (!sameText(oldValue ?? '', newValue ?? '')) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

function summarise(requirements: readonly RequirementDiff[]): DiffSummary {
  const counts = (): ItemCounts => ({ added: 0, removed: 0, renumbered: 0, changed: 0 });
  const summary: DiffSummary = {
    requirements: { added: 0, removed: 0, renamed: 0, changed: 0, unchanged: 0 },
    tightened: 0,
    loosened: 0,
    scenarios: counts(),
    proofs: counts(),
  };
  for (const requirement of requirements) {
    summary.requirements[requirement.status] += 1;
    const directions = requirement.changes.map((change) => ('direction' in change ? change.direction : undefined));
    if (directions.includes('tightened')) summary.tightened += 1;
    if (directions.includes('loosened')) summary.loosened += 1;
    // An added or removed requirement's own scenarios and proofs are not counted again.
    if (requirement.status === 'added' || requirement.status === 'removed') continue;
    for (const [items, target] of [
      [requirement.scenarios, summary.scenarios],
      [requirement.proofs, summary.proofs],
    ] as const) {
      for (const item of items) if (item.status !== 'unchanged') target[item.status] += 1;
    }
  }
  return summary;
}
