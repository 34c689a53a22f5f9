// Patient identifiers never reach an output in clear (docs/product.md, "Private by default"): INS
// and NIR values are found by their shape in any rendered text — messages, locations, file names,
// constraint texts copied from reports, HL7 composites such as `279035121518989^^^&1.2.250…` —
// not only in arguments named so. `--reveal-identifiers` turns this off.
//
// Shape (NIR, and INS-NIR/NIA built on it: artefact-rules.md §2): a 13-character body — sex or NIA
// digit (1, 2, 3, 4, 7, 8), year (2), month (2), department (2 digits, or 2A/2B for Corsica), commune
// (3), order (3) — optionally followed by the 2-digit key; written compact or grouped by spaces
// (`2 79 03 51 215 189 89`). A longer run of digits or letters around it is something else (a
// timestamp, a hash): the value must stand alone.

/** `279035121518989` → `27903••••••••89`: keeps sex, birth year and month, and the key. */
export function maskIdentifier(value: string): string {
  if (value.length <= 7) return '•'.repeat(value.length);
  return value.slice(0, 5) + '•'.repeat(value.length - 7) + value.slice(-2);
}

const BODY = '[1-478]\\d{4}(?:\\d{2}|2[ABab])\\d{6}';
const SPACED = '[1-478] \\d{2} \\d{2} (?:\\d{2}|2[ABab]) \\d{3} \\d{3}';
const STANDALONE = (core: string) => `(?<![0-9A-Za-z])${core}(?![0-9A-Za-z])`;
const IDENTIFIER_SHAPES = new RegExp(`${STANDALONE(`${BODY}(?:\\d{2})?`)}|${STANDALONE(`${SPACED}(?: \\d{2})?`)}`, 'g');

/** Masks every INS/NIR-shaped value of `text` (spaces kept where the value had them). */
export function maskIdentifiersIn(text: string): string {
  if (!/\d{5}|\d \d{2} \d{2}/.test(text)) return text; // fast path: most texts hold no long number
  return text.replace(IDENTIFIER_SHAPES, (found) => {
    const characters = [...found];
    const kept = new Set<number>();
    let seen = 0;
    const significant = characters.filter((character) => character !== ' ').length;
    characters.forEach((character, index) => {
      if (character === ' ') return;
      if (seen < 5 || seen >= significant - 2) kept.add(index);
      seen++;
    });
    return characters.map((character, index) => (character === ' ' || kept.has(index) ? character : '•')).join('');
  });
}
