// Word-level difference of two REM texts, by jsdiff's `diffWords` (Myers' algorithm on word and
// punctuation tokens; whitespace is ignored when comparing and kept from the new text). The work is
// bounded: past MAX_EDIT_LENGTH edits the texts are reported as replaced whole.
import { diffWords } from 'diff';
import type { WordSegment } from './model.js';

/** Edit script length beyond which a word diff would say nothing useful (and cost O(N·D)). */
const MAX_EDIT_LENGTH = 2000;

/** Collapses runs of whitespace: a re-wrapped cell is not a changed text. */
export function normaliseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function sameText(a: string, b: string): boolean {
  return normaliseSpaces(a) === normaliseSpaces(b);
}

/** Segments whose `=` and `-` parts spell the old text, `=` and `+` the new one (spaces normalised). */
export function wordDiff(oldText: string, newText: string): WordSegment[] {
  const before = normaliseSpaces(oldText);
  const after = normaliseSpaces(newText);
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return replacedWhole(before, after);
  const segments: WordSegment[] = [];
  for (const change of changes) {
    const op = change.added ? '+' : change.removed ? '-' : '=';
    const last = segments.at(-1);
    if (last && last.op === op) last.text += change.value;
    else if (change.value !== '') segments.push({ op, text: change.value });
  }
  return segments;
}

function replacedWhole(before: string, after: string): WordSegment[] {
  return [
    ...(before === '' ? [] : [{ op: '-' as const, text: before }]),
    ...(after === '' ? [] : [{ op: '+' as const, text: after }]),
  ];
}
