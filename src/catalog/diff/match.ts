// Pairs the old and new entries of a list (requirements, scenarios, proofs) in stages: each stage
// only sees what earlier stages left unpaired, so stronger evidence (the REM's own "VA N-1", the same
// id, the same text) always wins over weaker (similar wording). Deterministic: ties are broken by id.
import { SIMILARITY_THRESHOLD, dice, wordSet } from './similarity.js';

export interface Pair<M> {
  old: number;
  new: number;
  match: M;
}

/**
 * Beyond this many old × new candidates a similarity stage is skipped (and said so): a REM has a few
 * hundred requirements, so only a hostile or wholly renumbered pair of catalogs gets near it.
 */
export const MAX_SIMILARITY_CANDIDATES = 1_000_000;

/**
 * Work shared by every similarity stage of one catalog diff (requirements, then the scenarios and
 * proofs of each pair): one unit per candidate pair plus one per word looked up (a Dice coefficient
 * looks up each word of the smaller set). 1,000 × 1,000 renumbered requirements of ≈ 25 words each
 * cost ≈ 26 million (≈ 0.6 s); the same with 300-word statements would cost 300 million: a stage that
 * would pass what is left is skipped whole (and said so), whatever the pair count.
 */
export const SIMILARITY_WORK = 30_000_000;

/** The similarity budget of one catalog diff. */
export class SimilarityBudget {
  constructor(public remaining: number = SIMILARITY_WORK) {}
}

export class Pairing<M> {
  readonly pairs: Pair<M>[] = [];
  private readonly oldTaken: boolean[];
  private readonly newTaken: boolean[];
  /** A similarity stage was skipped because of MAX_SIMILARITY_CANDIDATES. */
  similarityLimited = false;

  constructor(
    private readonly oldIds: readonly string[],
    private readonly newIds: readonly string[],
    private readonly budget: SimilarityBudget = new SimilarityBudget(),
  ) {
    this.oldTaken = oldIds.map(() => false);
    this.newTaken = newIds.map(() => false);
  }

  /** Pairs free entries with equal keys (`undefined`: no key), the k-th old with the k-th new of a key in id order. */
  byKey(oldKey: (index: number) => string | undefined, newKey: (index: number) => string | undefined, match: M): void {
    // Linear: indexes pushed and consumed through a cursor (thousands of entries may share a key).
    const olds = new Map<string, { indexes: number[]; next: number }>();
    for (const index of this.free(this.oldTaken, this.oldIds)) {
      const key = oldKey(index);
      if (key === undefined) continue;
      const group = olds.get(key);
      if (group) group.indexes.push(index);
      else olds.set(key, { indexes: [index], next: 0 });
    }
    for (const newIndex of this.free(this.newTaken, this.newIds)) {
      const key = newKey(newIndex);
      const group = key === undefined ? undefined : olds.get(key);
      if (!group || group.next >= group.indexes.length) continue;
      this.take(group.indexes[group.next++]!, newIndex, match);
    }
  }

  /**
   * Pairs free entries whose texts reach SIMILARITY_THRESHOLD, best score first (then old id, new id).
   * `match` receives the exact score.
   */
  bySimilarity(oldText: (index: number) => string, newText: (index: number) => string, match: (similarity: number) => M): void {
    const olds = this.free(this.oldTaken, this.oldIds);
    const news = this.free(this.newTaken, this.newIds);
    if (olds.length === 0 || news.length === 0) return;
    if (olds.length * news.length > MAX_SIMILARITY_CANDIDATES) {
      this.similarityLimited = true;
      return;
    }
    const newWords = news.map((index) => wordSet(newText(index)));
    const oldWords = olds.map((index) => wordSet(oldText(index)));
    const work = similarityWork(
      oldWords.map((words) => words.size),
      newWords.map((words) => words.size),
    );
    if (work > this.budget.remaining) {
      this.similarityLimited = true;
      return;
    }
    this.budget.remaining -= work;
    const candidates: { old: number; new: number; score: number }[] = [];
    olds.forEach((oldIndex, oldPosition) => {
      const words = oldWords[oldPosition]!;
      news.forEach((newIndex, position) => {
        const score = dice(words, newWords[position]!);
        if (score >= SIMILARITY_THRESHOLD) candidates.push({ old: oldIndex, new: newIndex, score });
      });
    });
    candidates.sort((a, b) => b.score - a.score || compareIds(this.oldIds[a.old]!, this.oldIds[b.old]!) || compareIds(this.newIds[a.new]!, this.newIds[b.new]!));
    for (const candidate of candidates) {
      if (!this.oldTaken[candidate.old] && !this.newTaken[candidate.new]) this.take(candidate.old, candidate.new, match(candidate.score));
    }
  }

  /** Pair of each new entry (by new index), `undefined` when unpaired. */
  byNewIndex(): (Pair<M> | undefined)[] {
    const result: (Pair<M> | undefined)[] = this.newIds.map(() => undefined);
    for (const pair of this.pairs) result[pair.new] = pair;
    return result;
  }

  unpairedOld(): number[] {
    return this.oldIds.map((_, index) => index).filter((index) => !this.oldTaken[index]);
  }

  private take(oldIndex: number, newIndex: number, match: M): void {
    this.oldTaken[oldIndex] = true;
    this.newTaken[newIndex] = true;
    this.pairs.push({ old: oldIndex, new: newIndex, match });
  }

  /** Free indexes in id order (then list order), so that key groups pair the lowest ids first. */
  private free(taken: readonly boolean[], ids: readonly string[]): number[] {
    return ids
      .map((_, index) => index)
      .filter((index) => !taken[index])
      .sort((a, b) => compareIds(ids[a]!, ids[b]!) || a - b);
  }
}

/**
 * Exact work of comparing every old set with every new one: one per pair plus, per pair, the size of
 * the smaller set (what `dice` looks up). Computed from the sizes alone, sorted, in O(n log n).
 */
export function similarityWork(oldSizes: readonly number[], newSizes: readonly number[]): number {
  const sorted = [...newSizes].sort((a, b) => a - b);
  // below[k]: sum of the k smallest new sizes.
  const below = [0];
  for (const size of sorted) below.push(below.at(-1)! + size);
  let work = oldSizes.length * newSizes.length;
  for (const size of oldSizes) {
    // New sets no larger than this one cost their own size, larger ones this one's size.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! <= size) low = middle + 1;
      else high = middle;
    }
    work += below[low]! + size * (sorted.length - low);
  }
  return work;
}

/** Code-point order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
