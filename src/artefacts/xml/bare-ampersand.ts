// Where a bare `&` is. saxes reads an `&` as the start of a reference up to the next `;` (or the
// end of the document), so an unescaped `&` typed in a free-text field (« CR biologie & hématologie »)
// is reported far from where it is: at a `;` many lines below, or as an unclosed tag on the last
// line. XML 1.0 §2.4: in content and attribute values `&` only starts an entity or character
// reference (§4.1); comments, CDATA sections and processing instructions take it as text.

export interface TextPosition {
  /** 1-based line; LF, CRLF and a lone CR each end a line (XML 1.0 §2.11). */
  line: number;
  /** 1-based column in code points, as saxes counts them. */
  column: number;
}

/** `&` followed by a Name (approximated by letters, digits and `._:-`) and `;`, or a character reference. */
const REFERENCE = /&(?:[\p{L}_:][\p{L}\p{M}\p{N}._:\u00B7-]*|#[0-9]+|#x[0-9A-Fa-f]+);/uy;

const SKIPPED: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/**
 * The position of the first `&` of `text` that starts no reference, when it lies before `until`
 * (the parser's first fault, which such an `&` causes further on); undefined otherwise.
 */
export function bareAmpersandBefore(text: string, until: TextPosition): TextPosition | undefined {
  let line = 1;
  let column = 1;
  const before = () => line < until.line || (line === until.line && column < until.column);
  /** Moves the position over `text[from, to)`. */
  const advance = (from: number, to: number): void => {
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
        line++;
        column = 1;
      } else if (code === 0x0d || (code >= 0xdc00 && code <= 0xdfff)) {
        // the CR of a CRLF, or the second half of a surrogate pair: no column of its own
      } else column++;
    }
  };
  let index = 0;
  while (index < text.length && before()) {
    const next = nextMarkOf(text, index);
    if (next < 0) return undefined;
    advance(index, next);
    if (!before()) return undefined;
    if (text.charCodeAt(next) === 0x26) {
      REFERENCE.lastIndex = next;
      if (!REFERENCE.test(text)) return { line, column };
      advance(next, REFERENCE.lastIndex);
      index = REFERENCE.lastIndex;
      continue;
    }
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, next));
    if (!skipped) {
      advance(next, next + 1);
      index = next + 1;
      continue;
    }
    const end = text.indexOf(skipped[1], next + skipped[0].length);
    if (end < 0) return undefined;
    advance(next, end + skipped[1].length);
    index = end + skipped[1].length;
  }
  return undefined;
}

/** Index of the next `&` or `<` from `from`, or -1. */
function nextMarkOf(text: string, from: number): number {
  const ampersand = text.indexOf('&', from);
  const open = text.indexOf('<', from);
  if (ampersand < 0) return open < 0 ? -1 : open;
  return open < 0 ? ampersand : Math.min(ampersand, open);
}
