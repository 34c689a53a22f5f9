// Where a bare `&` is. saxes reads an `&` as the start of a reference up to the next `;` (or the
// end of the document), so an unescaped `&` typed in a free-text field (« CR biologie & hématologie »)
// is reported far from where it is: at a `;` many lines below, or as an unclosed tag on the last
// line. XML 1.0 §2.4: in content and attribute values `&` only starts an entity or character
// reference (§4.1); comments, CDATA sections and processing instructions take it as text.
import { positionAfter, type TextPosition } from '../../io/decode.js';

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
  let position: TextPosition = { line: 1, column: 1 };
  const before = () => position.line < until.line || (position.line === until.line && position.column < until.column);
  /** Moves the position over `text[from, to)`. */
  const advance = (from: number, to: number): void => {
    position = positionAfter(text, from, to, position);
  };
  let index = 0;
  while (index < text.length && before()) {
    const next = nextMarkOf(text, index);
    if (next < 0) return undefined;
    advance(index, next);
    if (!before()) return undefined;
    if (text.charCodeAt(next) === 0x26) {
      REFERENCE.lastIndex = next;
      if (!REFERENCE.test(text)) return position;
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
