// `E//name[p]` evaluated as `E/descendant::name[p]`. The two are the same node set whenever no
// predicate of the step depends on the position (XPath 3.1 §3.3.5: `//` is
// `/descendant-or-self::node()/`, and `child::name[p]` of every descendant-or-self node is
// `descendant::name[p]` when `p` is not positional). fontoxpath evaluates the long form as written:
// one child step per node of the document, then a sort of the results into document order that
// compares node positions ancestor by ancestor — on the ANS examples, one `//` assert costs
// 10–100 ms, the rewritten step under 1 ms (measured with --cpu-prof on OBP-SAP_2024.01: a rule
// of five `//entryRelationship…` asserts took 40 % of the volet's run). Saxon, the official chain,
// makes the same rewrite.
//
// Conservative by construction: a step is rewritten only when it is a plain name test (`name`,
// `prefix:name`, `*`, `prefix:*`) whose every predicate is surely not numeric — a comparison or
// `and`/`or` at its top level, one call of not(), exists(), contains()… or a plain path (a node
// sequence) — and mentions neither
// `position()` nor `last()`. Anything else (`//@a`, `//text()`, `//self::x`, `//x[1]`,
// `//x[$n]`, `//x[count(y)]`, `//x[if …]`) is left as written. String literals, comments and
// `Q{…}` URIs are never read as XPath.

/** `expression` with every safe `//name[p]` step written `/descendant::name[p]`; unchanged when there is none. */
export function descendantSteps(expression: string): string {
  if (!expression.includes('//')) return expression;
  let output = '';
  let copied = 0;
  for (let index = 0; index < expression.length; ) {
    const skipped = skipOpaque(expression, index);
    if (skipped > index) {
      index = skipped;
      continue;
    }
    if (expression.startsWith('//', index) && rewritable(expression, index + 2)) {
      output += expression.slice(copied, index) + '/descendant::';
      copied = index + 2;
      index += 2;
      continue;
    }
    index++;
  }
  return copied === 0 ? expression : output + expression.slice(copied);
}

/**
 * A name test right at `from`, whole (what follows cannot continue a name: a non-ASCII letter ends
 * the match), and not an axis (`name::`), a function or kind test (`name(`) nor an EQName.
 */
const NAME_TEST = /(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*)(?=$|[\s[\]/)},=!<>|+*])(?!\s*[(:{])/y;

/** Whether the step starting at `from` (just after `//`) is a name test with only non-positional predicates. */
function rewritable(expression: string, from: number): boolean {
  NAME_TEST.lastIndex = from;
  if (!NAME_TEST.exec(expression)) return false;
  let index = NAME_TEST.lastIndex;
  for (;;) {
    while (/\s/.test(expression[index] ?? '')) index++;
    if (expression[index] !== '[') return true;
    const end = closing(expression, index);
    if (end < 0 || !nonPositional(expression.slice(index + 1, end))) return false;
    index = end + 1;
  }
}

/** A predicate's value cannot be a number, and it does not ask for the position. */
export function nonPositional(predicate: string): boolean {
  const top = topLevel(predicate);
  if (top === undefined || /\b(?:position|last)\s*\(/.test(predicate)) return false;
  if (top.includes(',') || /^\s*(?:if|for|let)\b/.test(top)) return false;
  // Comparisons (=, !=, <, <=, >, >=, <<, >>) and and/or yield booleans; `=>` (arrow) does not.
  if (/[=<>]/.test(top.replace(/=>/g, ''))) return true;
  if (/(?:^|[^/@:\s])\s+(?:and|or)\s+(?=[^/\s])/.test(top)) return true;
  return BOOLEAN_CALL.test(top) || PLAIN_PATH.test(top);
}

/** One call of an F&O function returning xs:boolean (`matches` too: segur's 3-argument one does). */
const BOOLEAN_CALL = /^\s*(?:not|exists|empty|boolean|contains|starts-with|ends-with|matches)\s*\(\)\s*$/;

const NAME = String.raw`(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*)`;
const STEP = String.raw`(?:\.\.?|@${NAME}|(?:[a-z-]+::)?${NAME}|text\(\)|node\(\))(?:\s*\[\])*`;
/** A path of plain steps (nested predicates already reduced to `[]`): its value is a node sequence. */
const PLAIN_PATH = new RegExp(String.raw`^\s*(?:\/\/?\s*)?${STEP}(?:\s*\/\/?\s*${STEP})*\s*$`);

/**
 * The predicate's top level: string literals as `''`, comments removed, each bracketed or
 * parenthesised group as `[]` or `()` (so `text()` stays `text()`). Undefined when unbalanced.
 */
function topLevel(text: string): string | undefined {
  let top = '';
  for (let index = 0; index < text.length; ) {
    const char = text[index]!;
    if (char === "'" || char === '"') {
      const end = skipOpaque(text, index);
      if (end > text.length) return undefined;
      top += "''";
      index = end;
    } else if (text.startsWith('(:', index)) {
      const end = skipOpaque(text, index);
      if (end > text.length) return undefined;
      top += ' ';
      index = end;
    } else if (char === '[' || char === '(' || char === '{') {
      const end = closing(text, index);
      if (end < 0) return undefined;
      top += char === '[' ? '[]' : char === '(' ? '()' : '{}';
      index = end + 1;
    } else if (char === ']' || char === ')' || char === '}') return undefined;
    else {
      top += char;
      index++;
    }
  }
  return top;
}

const CLOSE: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/** Index of the bracket closing the one at `open` (strings and comments skipped), or -1. */
function closing(text: string, open: number): number {
  const stack: string[] = [];
  for (let index = open; index < text.length; ) {
    const skipped = skipOpaque(text, index);
    if (skipped > index) {
      index = skipped;
      continue;
    }
    const char = text[index]!;
    if (char in CLOSE) stack.push(CLOSE[char]!);
    else if (char === ']' || char === ')' || char === '}') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return index;
    }
    index++;
  }
  return -1;
}

/**
 * When a string literal (`''`/`""` doubled inside), a comment `(: … :)` (nested) or a `Q{…}` URI
 * starts at `index`, the index just after it (beyond the text when unterminated); else `index`.
 */
function skipOpaque(text: string, index: number): number {
  const char = text[index];
  if (char === "'" || char === '"') {
    for (let at = index + 1; at < text.length; at++) {
      if (text[at] !== char) continue;
      if (text[at + 1] === char) at++;
      else return at + 1;
    }
    return text.length + 1;
  }
  if (char === '(' && text[index + 1] === ':') {
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      if (text.startsWith('(:', at)) {
        depth++;
        at++;
      } else if (text.startsWith(':)', at)) {
        depth--;
        at++;
        if (depth === 0) return at + 1;
      }
    }
    return text.length + 1;
  }
  if (char === 'Q' && text[index + 1] === '{' && !/[\w.-]/.test(text[index - 1] ?? '')) {
    const end = text.indexOf('}', index);
    return end < 0 ? text.length + 1 : end + 1;
  }
  return index;
}
