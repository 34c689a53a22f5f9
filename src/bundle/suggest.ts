// "Did you mean": the closest known id to a mistyped one, when it is close enough to be a typo.
// The work is bounded whatever the manifest holds: the distance is computed only within the typo
// threshold (a band of the edit matrix, abandoned as soon as every cell of a row is past it), and a
// suggester shares one budget of matrix cells across all its lookups — 20,000 unknown ids against a
// 2,000-requirement REM would otherwise cost 40 million distances (issue 9). Past the budget, ids
// simply get no suggestion: the finding itself is unchanged.

/** Matrix cells one suggester may compute in total (≈ 20 ms of work): thousands of typical typo lookups. */
export const SUGGESTION_BUDGET = 4_000_000;

export interface Suggester {
  /** The closest known id within typo distance of `wanted`, undefined when none or once the budget is spent. */
  suggest(wanted: string): string | undefined;
  /** Matrix cells computed so far (never more than the budget). */
  readonly spent: number;
  /** True once a lookup stopped for lack of budget: later lookups return undefined at once. */
  readonly exhausted: boolean;
}

/** How far a typo may be from the id meant: 2 edits, or a quarter of its length for long ids. */
function typoThreshold(wanted: string): number {
  return Math.max(2, Math.floor(wanted.length / 4));
}

/**
 * A suggester over `known` (lower-cased once), sharing `budget` matrix cells across its lookups.
 * Ties go to the smaller id (determinism).
 */
export function createSuggester(known: Iterable<string>, budget = SUGGESTION_BUDGET): Suggester {
  const candidates = [...known].map((id) => ({ id, folded: id.toLowerCase() }));
  let spent = 0;
  let exhausted = false;
  return {
    get spent() {
      return spent;
    },
    get exhausted() {
      return exhausted;
    },
    suggest(wanted) {
      if (exhausted) return undefined;
      const target = wanted.toLowerCase();
      const threshold = typoThreshold(wanted);
      let best: { id: string; distance: number } | undefined;
      for (const candidate of candidates) {
        const limit = best ? Math.min(best.distance, threshold) : threshold;
        if (Math.abs(candidate.folded.length - target.length) > limit) continue;
        const cost = bandCells(target.length, candidate.folded.length, limit);
        if (spent + cost > budget) {
          exhausted = true;
          return undefined;
        }
        spent += cost;
        const distance = editDistance(target, candidate.folded, limit);
        if (distance > limit) continue;
        if (!best || distance < best.distance || (distance === best.distance && candidate.id < best.id)) best = { id: candidate.id, distance };
      }
      return best?.id;
    },
  };
}

/** One lookup with its own budget (small known lists: a requirement's scenarios or proofs). */
export function closestId(wanted: string, known: Iterable<string>): string | undefined {
  return createSuggester(known).suggest(wanted);
}

/** Cells of the band |i − j| ≤ limit of an (a+1)×(b+1) edit matrix: what editDistance computes at most. */
function bandCells(a: number, b: number, limit: number): number {
  return (a + 1) * Math.min(b + 1, 2 * limit + 1);
}

/**
 * Levenshtein distance between `a` and `b` (UTF-16 code units), two rows of memory. With `limit`,
 * only the band of cells within `limit` of the diagonal is computed and the answer is `limit + 1`
 * as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const outside = limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j <= limit ? j : outside;
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(outside);
    current[0] = i <= limit ? i : outside;
    let rowMinimum = current[0]!;
    for (let j = from; j <= to; j += 1) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution, outside);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return outside;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, outside);
}
