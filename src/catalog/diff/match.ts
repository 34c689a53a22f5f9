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

export class Pairing<M> {
  readonly pairs: Pair<M>[] = [];
  private readonly oldTaken: boolean[];
  private readonly newTaken: boolean[];
  /** A similarity stage was skipped because of MAX_SIMILARITY_CANDIDATES. */
  similarityLimited = false;

  constructor(
    private readonly oldIds: readonly string[],
    private readonly newIds: readonly string[],
  ) {
    this.oldTaken = oldIds.map(() => false);
    this.newTaken = newIds.map(() => false);
  }

  /** Pairs free entries with equal keys (`undefined`: no key), the k-th old with the k-th new of a key in id order. */
  byKey(oldKey: (index: number) => string | undefined, newKey: (index: number) => string | undefined, match: M): void {
    const olds = new Map<string, number[]>();
    for (const index of this.free(this.oldTaken, this.oldIds)) {
      const key = oldKey(index);
      if (key !== undefined) olds.set(key, [...(olds.get(key) ?? []), index]);
    }
    for (const newIndex of this.free(this.newTaken, this.newIds)) {
      const key = newKey(newIndex);
      const candidates = key === undefined ? undefined : olds.get(key);
      const oldIndex = candidates?.shift();
      if (oldIndex !== undefined) this.take(oldIndex, newIndex, match);
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
    const candidates: { old: number; new: number; score: number }[] = [];
    for (const oldIndex of olds) {
      const words = wordSet(oldText(oldIndex));
      news.forEach((newIndex, position) => {
        const score = dice(words, newWords[position]!);
        if (score >= SIMILARITY_THRESHOLD) candidates.push({ old: oldIndex, new: newIndex, score });
      });
    }
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

/** Code-point order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
