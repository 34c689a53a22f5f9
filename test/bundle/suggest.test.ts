// "Did you mean" suggestions (src/bundle/suggest.ts): the closest known id within typo distance, and
// work bounded whatever the manifest holds — 20,000 unknown ids against a 2,000-requirement REM must
// not cost 40 million edit distances (issue 9: work grows with what a file claims).
import { describe, expect, it } from 'vitest';
import { SUGGESTION_BUDGET, closestId, createSuggester, editDistance } from '../../src/bundle/suggest.js';

const KNOWN = ['INS/va1.01', 'INS/va1.02', 'DMP/va1.01', 'MSS/va1.01'];

describe('closestId', () => {
  it.each([
    ['INS/va1.2', 'INS/va1.02'],
    ['ins/VA1.01', 'INS/va1.01'],
    ['DMP/va1.1', 'DMP/va1.01'],
    ['FOO/BAR.99', undefined],
    ['ZZZ', undefined],
    ['', undefined],
  ])('%s → %s', (wanted, expected) => {
    expect(closestId(wanted, KNOWN)).toBe(expected);
  });

  it('breaks ties by the smaller id', () => {
    expect(closestId('INS/va1.0', ['INS/va1.02', 'INS/va1.01'])).toBe('INS/va1.01');
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['INS/va1.2', 'INS/va1.02', 1],
  ])('%s / %s → %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('stops past the limit it is given (returns limit + 1)', () => {
    expect(editDistance('aaaaaaaaaa', 'bbbbbbbbbb', 2)).toBe(3);
    expect(editDistance('INS/va1.2', 'INS/va1.02', 2)).toBe(1);
  });
});

describe('a suggester over a large REM', () => {
  const known = Array.from({ length: 2000 }, (_, index) => `BENCH/va1.${String(index + 1).padStart(4, '0')}`);

  it('finds typos while its budget lasts, then stops looking (bounded work)', () => {
    const suggester = createSuggester(known);
    expect(suggester.suggest('BENCH/va1.0O42')).toBe('BENCH/va1.0042');
    // Same length as every known id and one character away from several: the worst case for pruning.
    for (let index = 0; index < 20_000; index += 1) suggester.suggest(`BENCH/va9.${String(index).padStart(4, '0')}`);
    expect(suggester.spent).toBeLessThanOrEqual(SUGGESTION_BUDGET);
    expect(suggester.exhausted).toBe(true);
    expect(suggester.suggest('BENCH/va1.0O42')).toBeUndefined();
  });

  it('spends nothing on candidates whose length is too far for a typo', () => {
    const suggester = createSuggester(known);
    expect(suggester.suggest('X')).toBeUndefined();
    expect(suggester.spent).toBe(0);
  });
});
