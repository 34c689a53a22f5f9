// Characters that reach cells through copy and paste from Word or Excel and that no reader sees as
// text: Word's manual line break (U+000B, written `_x000B_` in the part), page and column breaks
// (U+000C), other C0 and C1 control characters (a windows-1252 text read as Latin-1 gives C1 ones),
// Unicode line and paragraph separators, and halves of surrogate pairs written alone as `_xD83D_`.
// Breaks become line breaks, the rest spaces: the catalog and every report stay plain readable
// text (a lone surrogate would otherwise come out of a UTF-8 encoder as U+FFFD).
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;
const REPLACED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;
const LINE_BREAKS = new Set(['\u000b', '\u000c', '\u0085', '\u2028', '\u2029']);

/**
 * `text` with control characters replaced (see above); `undefined` when there is none (the common
 * case costs one regular-expression test). Tab, line feed and carriage return are kept.
 */
export function replaceControlCharacters(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const replaced = text.replace(REPLACED, (match) => {
    if (match.length === 2) return match; // a well-formed surrogate pair (emoji…)
    return LINE_BREAKS.has(match) ? '\n' : ' ';
  });
  return replaced === text ? undefined : replaced;
}

/** Same, always returning the text. */
export function withoutControlCharacters(text: string): string {
  return replaceControlCharacters(text) ?? text;
}
