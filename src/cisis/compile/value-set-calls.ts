// The CI-SIS schematrons look codes up in a value set (JDV) with
//   document($path_jdv)//svs:Concept[@code=$att_code and @codeSystem=$att_codeSystem]
// (abstract/dansJeuDeValeurs.sch and its siblings). Evaluated as written, every lookup would walk a
// parsed JDV file; rewritten into a call of segur's `jdv` function, it is one Map lookup
// (run/xpath-functions.ts). Any other document()/doc() call is reported, not guessed.

export const SEGUR_FUNCTIONS_NS = 'urn:segur:cisis';

const ATTRIBUTES = ['code', 'codeSystem', 'displayName'] as const;

/** `document(ARG)//svs:Concept[@a=X and @b=Y …]` with ARG a variable or a string literal. */
const LOOKUP = /document\(\s*(\$[A-Za-z_][\w.-]*|'[^']*'|"[^"]*")\s*\)\s*\/\/\s*svs:Concept\s*\[([^\]]*)\]/g;

export interface RewriteOutcome {
  expression: string;
  /** First arguments of the rewritten calls, as written (`$jdv_x`, `'../jeuxDeValeurs/X.xml'`). */
  valueSetArgs: string[];
  /** Files read by other document()/doc() calls with a literal argument (served by segur's `doc`). */
  documents: string[];
  /** document()/doc() calls left as written (untranslatable: a computed argument). */
  untranslated: string[];
}

export function rewriteValueSetLookups(expression: string): RewriteOutcome {
  const valueSetArgs: string[] = [];
  const rewritten = expression.replace(LOOKUP, (whole, arg: string, predicate: string) => {
    const keys = parseConjunction(predicate);
    if (!keys) return whole;
    valueSetArgs.push(arg);
    const constrained = ATTRIBUTES.filter((attribute) => keys.has(attribute));
    const values = [0, 1, 2].map((index) => (constrained[index] ? keys.get(constrained[index])! : '()'));
    return `Q{${SEGUR_FUNCTIONS_NS}}jdv(${arg}, (${constrained.map((name) => `'${name}'`).join(', ')}), ${values.join(', ')})`;
  });
  // Any other call with a literal file name reads that file (structuration minimale's ART-DECOR
  // vocabularies): the compiler embeds it, segur's `doc` serves it parsed.
  const documents: string[] = [];
  const served = rewritten.replace(/(?<![\w:}-])(?:document|doc)\s*\(\s*(?:'([^']*)'|"([^"]*)")\s*\)/g, (_whole, single: string | undefined, double: string | undefined) => {
    const href = single ?? double!;
    documents.push(href);
    return `Q{${SEGUR_FUNCTIONS_NS}}doc('${href.replace(/'/g, "''")}')`;
  });
  const untranslated = [...served.matchAll(/(?<![\w:}-])(?:document|doc)\s*\(/g)].map((match) => callText(served, match.index));
  return { expression: served, valueSetArgs, documents, untranslated };
}

/** `@code=$a and @codeSystem=$b` → {code: '$a', codeSystem: '$b'}; undefined for anything else. */
function parseConjunction(predicate: string): Map<string, string> | undefined {
  const keys = new Map<string, string>();
  for (const clause of predicate.split(/\s+and\s+/)) {
    const match = /^\s*@(code|codeSystem|displayName)\s*=\s*(\$[A-Za-z_][\w.-]*|'[^']*'|"[^"]*")\s*$/.exec(clause);
    if (!match || keys.has(match[1]!)) return undefined;
    keys.set(match[1]!, match[2]!);
  }
  return keys.size > 0 ? keys : undefined;
}

/** The call starting at `start`, up to its closing parenthesis (for the diagnostic). */
function callText(text: string, start: number): string {
  let depth = 0;
  for (let index = text.indexOf('(', start); index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return text.slice(start, index + 1);
  }
  return text.slice(start, start + 80);
}
