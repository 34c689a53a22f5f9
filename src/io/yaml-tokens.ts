// Tokenising a YAML input under a budget of entries. The yaml library's parser and composer cost
// ≈ 3 µs and ≈ 1 KB per item: a 2 MB flow list of a million one-letter items took 10.8 s and 2.3 GB
// before its entries could be counted on the composed document (issue 9). The lexemes are counted
// here as they are read, and reading stops at the first one past the budget: the work is bounded by
// the cap, not by what the file holds.
import { CST, Lexer, Parser } from 'yaml';

/**
 * Lexemes that open an entry: `:` and `?` (a mapping pair), `-` (a block list item), `,` and the
 * opening `[` / `{` (a flow item). Every key and list item needs one, so their count is at least the
 * number of keys and list items (equal for block style: what `segur init` writes).
 */
const ENTRY_INDICATORS = new Set(['map-value-ind', 'explicit-key-ind', 'seq-item-ind', 'comma', 'flow-map-start', 'flow-seq-start']);

export type TokenisedYaml = { ok: true; tokens: CST.Token[] } | { ok: false; count: number; offset: number };

/**
 * The CST tokens of `text` (as yaml's `Parser.parse`), or — as soon as more than `maxEntries` entry
 * indicators are read — `{ ok: false, count: maxEntries + 1, offset }`, offset of the first one past
 * the cap (UTF-16 units). `onNewLine` is the LineCounter's, as for `new Parser(onNewLine)`.
 */
export function tokeniseYaml(text: string, onNewLine: (offset: number) => void, maxEntries: number): TokenisedYaml {
  const parser = new Parser(onNewLine);
  const tokens: CST.Token[] = [];
  let entries = 0;
  onNewLine(0);
  for (const lexeme of new Lexer().lex(text, false)) {
    const type = CST.tokenType(lexeme);
    if (type !== null && ENTRY_INDICATORS.has(type) && ++entries > maxEntries) return { ok: false, count: entries, offset: parser.offset };
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens };
}

/** Lexemes the yaml lexer makes up (document start, flow error end, scalar): they stand for no character of the text. */
const SYNTHETIC_LEXEMES = new Set(['\x02', '\x18', '\x1f']);

/**
 * The entry indicators of `text` (see ENTRY_INDICATORS): what `tokeniseYaml` compares with its cap.
 * With `stopAfter`, counting stops at `stopAfter + 1` (the text is known to be past it), `offset`
 * being where that indicator is written (UTF-16 units); otherwise `offset` is the text's length.
 */
export function countEntryIndicators(text: string, stopAfter = Infinity): { count: number; offset: number } {
  let count = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text, false)) {
    const type = CST.tokenType(lexeme);
    if (type !== null && ENTRY_INDICATORS.has(type) && ++count > stopAfter) return { count, offset };
    if (!SYNTHETIC_LEXEMES.has(lexeme)) offset += lexeme.length;
  }
  return { count, offset };
}
