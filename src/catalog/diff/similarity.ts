// Statement similarity for pairing requirements (and scenarios, proofs) that the REM renumbered
// without saying so: the Sørensen–Dice coefficient on the sets of normalised words,
// 2·|A∩B| / (|A|+|B|), from 0 (no word in common) to 1 (same words). Case, accents and punctuation
// are ignored, so "Le logiciel DOIT …" and "le logiciel doit …" are the same words.

/** Pairs at or above this similarity are taken as the same requirement reworded (0.80 = four words in five shared). */
export const SIMILARITY_THRESHOLD = 0.8;

/** Lower-case, accent-free words (letters and digits), as a set. */
export function wordSet(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return new Set(words);
}

/** Dice coefficient of two word sets; 0 when either is empty (an empty text is like no other). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Two decimals, as shown to users and written in JSON ("matched by similarity 0.87"). */
export function roundSimilarity(value: number): number {
  return Math.round(value * 100) / 100;
}
