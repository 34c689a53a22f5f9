// Lexical helpers over XPath text: split at top level (outside quotes, brackets and parentheses),
// and replace `$name` variable references as whole names (ISO abstract-pattern parameters).

/** Splits `text` at each top-level occurrence of `separator` (`|`, `/`, ` and `…). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (depth === 0 && text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + separator.length;
      index = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Replaces each `$name` whose name (a whole NCName: `$a-b` is one name in XPath) is a key of `values`. */
export function substituteVariables(text: string, values: ReadonlyMap<string, string>): string {
  if (values.size === 0 || !text.includes('$')) return text;
  return text.replace(VARIABLE, (whole, name: string) => values.get(name) ?? whole);
}

/** Names of the variables an expression references (`$name`). */
export function variableReferences(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!);
}

const VARIABLE = /\$([A-Za-z_][\w.-]*)/g;
