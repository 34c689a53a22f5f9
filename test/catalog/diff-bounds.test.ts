// The catalog diff's work is bounded by its inputs (attack report, item 16): word diffs by the length
// of the texts and a D² budget shared by the whole diff, similarity pairing by the words it would look
// up, not only by the pair count. A bound reached is said in the diff (`wordDiffLimited`,
// `similarityLimited`); the outcome never depends on time (same inputs, same bytes).
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/catalog/diff/compare.js';
import { Pairing, SimilarityBudget, similarityWork } from '../../src/catalog/diff/match.js';
import { plainWords } from '../../src/catalog/diff/describe.js';
import { MAX_EDIT_LENGTH, MAX_WORD_DIFF_CHARS, WordDiffBudget, wordDiff } from '../../src/catalog/diff/word-diff.js';
import type { Catalog, Requirement } from '../../src/catalog/schema.js';

const words = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');
/** `count` words, every `every`-th one changed in the second text. */
function edited(count: number, every: number): [string, string] {
  const before = Array.from({ length: count }, (_, index) => `m${index}`);
  const after = before.map((word, index) => (index % every === 0 ? `${word}x` : word));
  return [before.join(' '), after.join(' ')];
}

describe('word diff bounds', () => {
  const [small, smallEdited] = edited(40, 10); // 4 words changed: 8 edits
  const [long, longEdited] = edited(6_000, 1_000); // 60,000+ characters together
  it.each([
    ['a small edit within every bound', small, smallEdited, undefined, 'diff', false],
    ['texts together past MAX_WORD_DIFF_CHARS', `${long} ${long}`, `${longEdited} ${longEdited}`, undefined, 'whole', true],
    ['budget spent (√100 < 16 edits allowed)', small, smallEdited, 100, 'whole', true],
    ['budget cutting the search short (√49 = 7 < 8 edits needed, below MIN_EDIT_LENGTH)', small, smallEdited, 49, 'whole', true],
    ['budget just enough (16 edits allowed, 8 needed)', small, smallEdited, 256, 'diff', false],
    ['texts with nothing in common past MAX_EDIT_LENGTH: replaced whole, not a bound', words(3_000, 'a'), words(3_000, 'b'), undefined, 'whole', false],
  ])('%s', (_name, before, after, steps, outcome, limited) => {
    const budget = new WordDiffBudget(steps);
    const segments = wordDiff(before, after, budget);
    if (outcome === 'whole') expect(segments).toEqual([{ op: '-', text: before }, { op: '+', text: after }]);
    else {
      expect(segments.filter((segment) => segment.op !== '+').map((segment) => segment.text).join('')).toBe(before);
      expect(segments.filter((segment) => segment.op !== '-').map((segment) => segment.text).join('')).toBe(after);
      expect(segments.length).toBeGreaterThan(2);
    }
    expect(budget.limited).toBe(limited);
  });

  it('charges each pair the square of the edits it used, and stops at the budget', () => {
    const budget = new WordDiffBudget(1_000);
    expect(budget.allowance()).toBe(31);
    wordDiff(small, smallEdited, budget); // 8 edits: 64 steps
    expect(budget.allowance()).toBe(30); // √936
    const wide = new WordDiffBudget(MAX_EDIT_LENGTH * MAX_EDIT_LENGTH * 4);
    expect(wide.allowance()).toBe(MAX_EDIT_LENGTH);
    expect(MAX_WORD_DIFF_CHARS).toBe(65_536);
  });
});

function requirement(id: string, statement: string, extra: Partial<Requirement> = {}): Requirement {
  return {
    id,
    chapter: 'C',
    function: 'F',
    statement,
    nature: 'EXIGENCE',
    conditional: null,
    profiles: ['Général'],
    scenarios: [{ id: `${id}.01`, text: 'S', proofs: [{ id: `${id}.01.01`, text: 'P' }] }],
    ...extra,
  };
}
const catalog = (id: string, requirements: Requirement[]): Catalog => ({
  schema: 'segur-catalog/1',
  id,
  title: id,
  source: { file: `${id}.xlsx`, sheet: 'S', sha256: '0'.repeat(64) },
  requirements,
});

describe('the diff says when a word-diff bound was reached', () => {
  it('one statement pair of 2 × 40,000 characters: replaced whole, wordDiffLimited, the same JSON twice', () => {
    const [before, after] = edited(7_000, 700);
    const old = catalog('A', [requirement('R.01', before), requirement('R.02', 'Le logiciel DOIT faire.')]);
    const next = catalog('B', [requirement('R.01', after), requirement('R.02', 'Le logiciel PEUT faire.')]);
    const diff = diffCatalogs(old, next);
    expect(diff.wordDiffLimited).toBe(true);
    expect(diff.requirements[0]!.changes).toEqual([{ field: 'statement', words: [{ op: '-', text: before }, { op: '+', text: after }] }]);
    // The other pair is still word-diffed.
    expect(plainWords((diff.requirements[1]!.changes[0] as { words: never }).words)).toBe('Le logiciel [-DOIT-]{+PEUT+} faire.');
    expect(JSON.stringify(diffCatalogs(old, next))).toBe(JSON.stringify(diff));
  });

  it('a spent budget: the first pairs are word-diffed in catalog order, the rest replaced whole', () => {
    const pairs = Array.from({ length: 6 }, (_, index) => edited(40, 10).map((text) => `${text} r${index}`));
    const old = catalog('A', pairs.map(([before], index) => requirement(`R.0${index}`, before!)));
    const next = catalog('B', pairs.map(([, after], index) => requirement(`R.0${index}`, after!)));
    // 8 edits each, charged 64 steps; a pair is tried while √remaining ≥ 16 (MIN_EDIT_LENGTH). With
    // 600 steps all six fit (the sixth starts at 280); with 400, three (the fourth would start at 208).
    const diff = diffCatalogs(old, next, { wordDiffSteps: 600 });
    const whole = diff.requirements.map((entry) => (entry.changes[0] as { words: unknown[] }).words.length === 2);
    expect(whole).toEqual([false, false, false, false, false, false]);
    expect(diff.wordDiffLimited).toBeUndefined();
    const spent = diffCatalogs(old, next, { wordDiffSteps: 400 });
    expect(spent.requirements.map((entry) => (entry.changes[0] as { words: unknown[] }).words.length === 2)).toEqual([false, false, false, true, true, true]);
    expect(spent.wordDiffLimited).toBe(true);
  });
});

describe('similarity bounds by words, not only pairs', () => {
  it.each([
    ['one by one', [3], [5], 1 + 3],
    ['sizes mixed', [1, 4], [2, 3], 4 + (1 + 1) + (2 + 3)],
    ['an empty side', [], [7, 8], 0],
    ['equal sizes', [2, 2], [2, 2], 4 + 8],
  ])('similarityWork: %s', (_name, olds, news, work) => {
    expect(similarityWork(olds, news)).toBe(work);
  });

  it('a stage costing more than what is left is skipped whole and said; one within it runs and is charged', () => {
    const text = words(100, 'w');
    const build = (remaining: number) => {
      const budget = new SimilarityBudget(remaining);
      const pairing = new Pairing<number>(['a', 'b'], ['c', 'd'], budget);
      pairing.bySimilarity(() => text, () => text, (score) => score);
      return { pairing, budget };
    };
    // 2 × 2 pairs of 100-word sets: 4 + 4 × 100 = 404.
    const short = build(403);
    expect(short.pairing.pairs).toEqual([]);
    expect(short.pairing.similarityLimited).toBe(true);
    const enough = build(404);
    expect(enough.pairing.pairs).toHaveLength(2);
    expect(enough.pairing.similarityLimited).toBe(false);
    expect(enough.budget.remaining).toBe(0);
  });

  it('default budget: 200 × 200 renumbered requirements of 800 distinct words (40,000 pairs, 32 million lookups) are not compared', () => {
    const old = catalog('A', Array.from({ length: 200 }, (_, index) => requirement(`A.${index}`, words(800, `r${index}w`))));
    const next = catalog('B', Array.from({ length: 200 }, (_, index) => requirement(`B.${index}`, words(800, `r${index}w`))));
    const diff = diffCatalogs(old, next);
    expect(diff.similarityLimited).toBe(true);
    expect(diff.summary.requirements).toEqual({ added: 200, removed: 200, renamed: 0, changed: 0, unchanged: 0 });
  });

  it('the same with 25-word statements (1 million lookups) pairs them all', () => {
    const old = catalog('A', Array.from({ length: 200 }, (_, index) => requirement(`A.${index}`, words(25, `r${index}w`))));
    const next = catalog('B', Array.from({ length: 200 }, (_, index) => requirement(`B.${index}`, words(25, `r${index}w`))));
    const diff = diffCatalogs(old, next);
    expect(diff.similarityLimited).toBeUndefined();
    expect(diff.summary.requirements.renamed).toBe(200);
  });

  it('pairing by key stays linear when thousands of entries share a key (20,000 proofs of the same text)', () => {
    const ids = Array.from({ length: 20_000 }, (_, index) => `p${index}`);
    const pairing = new Pairing<string>(ids, ids);
    pairing.byKey(() => 'même texte', () => 'même texte', 'text');
    expect(pairing.pairs).toHaveLength(20_000);
    // Lowest ids first on both sides, in code-point order.
    expect(pairing.pairs[0]).toEqual({ old: 0, new: 0, match: 'text' });
    expect(pairing.pairs[1]).toEqual({ old: 1, new: 1, match: 'text' });
  });
});
