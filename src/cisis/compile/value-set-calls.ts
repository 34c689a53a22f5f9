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
  /** document()/doc() calls left as written (untranslatable). */
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
  const untranslated = [...rewritten.matchAll(/\b(document|doc)\s*\(([^()]*)\)/g)].map((match) => match[0]);
  return { expression: rewritten, valueSetArgs, untranslated };
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
