// Word-level difference of two REM texts, by jsdiff's `diffWords` (Myers' algorithm on word and
// punctuation tokens; whitespace is ignored when comparing and kept from the new text).
//
// The work is bounded by the texts present, for one pair and for a whole catalog diff:
// - a pair whose texts together pass MAX_WORD_DIFF_CHARS is not word-diffed: it is reported as
//   replaced whole (a REM statement is at most a few thousand characters; Excel's cell holds 32,767);
// - jsdiff's cost grows with the square of the edit length D it explores (each step of D walks 2·D + 1
//   diagonals: ≈ 0.5 s for D = 2,000 on two 5,000-word texts with nothing in common), so one diff
//   shares a WordDiffBudget of D² steps: each pair may explore up to min(MAX_EDIT_LENGTH, √remaining),
//   and is charged what it used. Past the budget, the remaining pairs are reported as replaced whole.
// Either way the diff says so (`wordDiffLimited`): the outcome never depends on time, only on the
// texts, so the same inputs give the same bytes.
import { diffWords } from 'diff';
import type { WordSegment } from './model.js';

/** Edit script length beyond which a word diff would say nothing useful. */
export const MAX_EDIT_LENGTH = 2000;
/** Characters of the two (space-normalised) texts of one pair beyond which they are not word-diffed. */
export const MAX_WORD_DIFF_CHARS = 65_536;
/** D² steps shared by all the word diffs of one catalog diff (≈ 1 s on a loaded 2-core machine). */
export const WORD_DIFF_STEPS = 8_000_000;
/** Below this edit length a word diff is not attempted: the budget is spent. */
const MIN_EDIT_LENGTH = 16;

/** The word-diff budget of one catalog diff. */
export class WordDiffBudget {
  /** Some pair was reported as replaced whole because of a bound, not because its texts differ wholly. */
  limited = false;

  constructor(private remaining: number = WORD_DIFF_STEPS) {}

  /** Edit length the next pair may explore, 0 when the budget is spent. */
  allowance(): number {
    const allowed = Math.min(MAX_EDIT_LENGTH, Math.floor(Math.sqrt(Math.max(0, this.remaining))));
    return allowed < MIN_EDIT_LENGTH ? 0 : allowed;
  }

  charge(editLength: number): void {
    this.remaining -= editLength * editLength;
  }
}

/** Collapses runs of whitespace: a re-wrapped cell is not a changed text. */
export function normaliseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function sameText(a: string, b: string): boolean {
  return normaliseSpaces(a) === normaliseSpaces(b);
}

/**
 * Segments whose `=` and `-` parts spell the old text, `=` and `+` the new one (spaces normalised).
 * Two texts too large for the bounds above, or too different to diff within MAX_EDIT_LENGTH, are one
 * `-` and one `+` segment. Without `budget` (a single pair), a fresh one.
 */
export function wordDiff(oldText: string, newText: string, budget: WordDiffBudget = new WordDiffBudget()): WordSegment[] {
  const before = normaliseSpaces(oldText);
  const after = normaliseSpaces(newText);
  if (before.length + after.length > MAX_WORD_DIFF_CHARS) {
    budget.limited = true;
    return replacedWhole(before, after);
  }
  const allowed = budget.allowance();
  if (allowed === 0) {
    budget.limited = true;
    return replacedWhole(before, after);
  }
  const changes = diffWords(before, after, { maxEditLength: allowed });
  if (changes === undefined) {
    budget.charge(allowed);
    // Beyond MAX_EDIT_LENGTH the texts are simply too different; below it the budget cut the search.
    if (allowed < MAX_EDIT_LENGTH) budget.limited = true;
    return replacedWhole(before, after);
  }
  const segments: WordSegment[] = [];
  let edits = 0;
  for (const change of changes) {
    const op = change.added ? '+' : change.removed ? '-' : '=';
    if (op !== '=') edits += change.count ?? 1;
    const last = segments.at(-1);
    if (last && last.op === op) last.text += change.value;
    else if (change.value !== '') segments.push({ op, text: change.value });
  }
  budget.charge(Math.min(allowed, edits));
  return segments;
}

function replacedWhole(before: string, after: string): WordSegment[] {
  return [
    ...(before === '' ? [] : [{ op: '-' as const, text: before }]),
    ...(after === '' ? [] : [{ op: '+' as const, text: after }]),
  ];
}
