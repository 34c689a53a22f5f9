// Patient identifiers never reach an output in clear (docs/product.md, "Private by default"): INS
// and NIR values are found by their shape in any rendered text — messages, locations, file names,
// constraint texts copied from reports, HL7 composites such as `279035121518989^^^&1.2.250…` —
// not only in arguments named so. `--reveal-identifiers` turns this off.
//
// Shape (NIR, and INS-NIR/NIA built on it: artefact-rules.md §2): a 13-character body — sex or NIA
// digit (1, 2, 3, 4, 7, 8), year (2), month (2), department (2 digits, or 2A/2B for Corsica), commune
// (3), order (3) — optionally followed by the 2-digit key; written compact, glued to letters
// (`INS285036912304579`), or grouped by spaces, no-break spaces, dots or hyphens
// (`2 85 03 69 123 045 79`, `285 036 912 304 579`). Left alone: a longer run of digits (a timestamp),
// an impossible month, dotted groups other than the NIR's own (an OID), hexadecimal digests.

/** `279035121518989` → `27903••••••••89`: keeps sex, birth year and month, and the key. */
export function maskIdentifier(value: string): string {
  if (value.length <= 7) return '•'.repeat(value.length);
  return value.slice(0, 5) + '•'.repeat(value.length - 7) + value.slice(-2);
}

/** Separators people put between the groups of a NIR: spaces (also no-break and narrow no-break), dots, hyphens. */
const SEPARATOR = '[ \\u00A0\\u202F.\\-]';
/** A candidate: 13 to 15 digits (2A/2B for Corsica) with at most two separator characters between any two. */
const CANDIDATE = new RegExp(`(?<![0-9])[1-478](?:${SEPARATOR}{0,2}[0-9ABab]){12,14}(?![0-9])`, 'g');
/** What the candidate must be once its separators are removed (month 01–12, 20–42, 50–99: artefact-rules.md §2). */
const NIR_SHAPE = /^[1-478]\d{2}(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)(?:\d{2}|2[AB])\d{6}(?:\d{2})?$/i;
/** With dots or hyphens, only the NIR's own grouping (1-2-2-2-3-3[-2]): an OID is not an identifier. */
const STANDARD_GROUPS = /^\d (?:\d\d) (?:\d\d) (?:\d\d|2[AB]) (?:\d{3}) (?:\d{3})(?: \d\d)?$/i;

/** Masks every INS/NIR-shaped value of `text`; separators stay where the value had them. */
export function maskIdentifiersIn(text: string): string {
  if (!/\d{3}/.test(text)) return text; // fast path: most texts hold no long number
  return text.replace(CANDIDATE, (found: string, offset: number) => {
    const compact = found.replace(/[ \u00A0\u202F.\-]/g, '');
    if (!NIR_SHAPE.test(compact)) return found;
    if (/[.-]/.test(found) && !STANDARD_GROUPS.test(found.replace(/[ \u00A0\u202F.\-]+/g, ' '))) return found;
    if (insideHexDigest(text, offset, offset + found.length)) return found;
    return maskKeepingSeparators(found, compact.length);
  });
}

/** A hash or an identifier written in hexadecimal (32 characters or more) is not a NIR, whatever digits it holds. */
function insideHexDigest(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && /[0-9A-Za-z]/.test(text[from - 1]!)) from--;
  while (to < text.length && /[0-9A-Za-z]/.test(text[to]!)) to++;
  return to - from >= 32 && /^[0-9a-fA-F]+$/.test(text.slice(from, to));
}

/** Keeps the first five and the last two significant characters (sex, year, month; key). */
function maskKeepingSeparators(found: string, significant: number): string {
  let seen = 0;
  let masked = '';
  for (const character of found) {
    if (/[ \u00A0\u202F.\-]/.test(character)) {
      masked += character;
      continue;
    }
    masked += seen < 5 || seen >= significant - 2 ? character : '•';
    seen++;
  }
  return masked;
}
