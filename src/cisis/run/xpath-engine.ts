// fontoxpath (XPath 3.1 over any DOM; MIT) set up for the CI-SIS schematrons, which are written for
// XSLT 2.0 (Saxon). Three functions they use are missing from fontoxpath and are registered here
// under segur's namespace, the function-name resolver sending the unprefixed calls to them:
//   resolve-QName#2, namespace-uri-for-prefix#2 (XPath F&O 3.1 §10.2.1, §10.2.6) and matches#3
//   (§5.6.2, with flags). Value-set lookups rewritten by the compiler call `jdv` (value-sets.ts).
import { requireCjs } from '../../util/require-cjs.js';
import { Document, type Node } from 'slimdom';
import { SEGUR_FUNCTIONS_NS } from '../compile/value-set-calls.js';
import { jdvLookup, type RunState } from './value-sets.js';
import { buildDocument } from './dom.js';
import { castableCalendar } from './calendar.js';

type FontoXPath = typeof import('fontoxpath');
let loaded: FontoXPath | undefined;

/**
 * fontoxpath, required on first use: a document no volet applies to (a level-1 CDA, another
 * document type) never loads it. Its `main` is a UMD (CommonJS) build of 300 KB: required, not
 * imported (util/require-cjs.ts).
 */
function fontoxpath(): FontoXPath {
  return (loaded ??= requireCjs('fontoxpath') as FontoXPath);
}

const FN_NS = 'http://www.w3.org/2005/xpath-functions';
const WELL_KNOWN: Record<string, string> = {
  xs: 'http://www.w3.org/2001/XMLSchema',
  fn: FN_NS,
  math: 'http://www.w3.org/2005/xpath-functions/math',
  map: 'http://www.w3.org/2005/xpath-functions/map',
  array: 'http://www.w3.org/2005/xpath-functions/array',
  xml: 'http://www.w3.org/XML/1998/namespace',
};
const REDIRECTED = new Map([
  ['matches#3', 'matches'],
  ['resolve-QName#2', 'resolve-QName'],
  ['namespace-uri-for-prefix#2', 'namespace-uri-for-prefix'],
]);

export const evaluateXPathToBoolean = (...args: Parameters<FontoXPath['evaluateXPathToBoolean']>): boolean => fontoxpath().evaluateXPathToBoolean(...args);
export const evaluateXPathToNumbers = (...args: Parameters<FontoXPath['evaluateXPathToNumbers']>): number[] => fontoxpath().evaluateXPathToNumbers(...args);
export const evaluateXPathToString = (...args: Parameters<FontoXPath['evaluateXPathToString']>): string => fontoxpath().evaluateXPathToString(...args);
export const evaluateXPathToStrings = (...args: Parameters<FontoXPath['evaluateXPathToStrings']>): string[] => fontoxpath().evaluateXPathToStrings(...args);
export const evaluateXPathToNodes = (...args: Parameters<FontoXPath['evaluateXPathToNodes']>): unknown[] => fontoxpath().evaluateXPathToNodes(...args);

export interface EvaluationOptions {
  namespaceResolver: (prefix: string) => string | null;
  functionNameResolver: (name: { prefix: string; localName: string }, arity: number) => { namespaceURI: string; localName: string };
  currentContext: RunState;
  moduleImports: Record<string, string>;
}

let registered = false;
const scratch = new Document();

/** The compiler writes `jdv(path, …)`; the runner adds the index of the check evaluating it. */
export const JDV_AT = 'jdv-at';
export const JDV_CALL = `Q{${SEGUR_FUNCTIONS_NS}}jdv(`;

export function withCheckIndex(expression: string, check: number): string {
  return expression.split(JDV_CALL).join(`Q{${SEGUR_FUNCTIONS_NS}}${JDV_AT}(${check}, `);
}

/** Options for evaluating a pack's expressions: its namespaces, segur's functions, the run's state. */
export function evaluationOptions(namespaces: Readonly<Record<string, string>>, state: RunState): EvaluationOptions {
  registerFunctions();
  const resolve = (prefix: string): string | null => namespaces[prefix] ?? WELL_KNOWN[prefix] ?? null;
  return {
    namespaceResolver: resolve,
    functionNameResolver: ({ prefix, localName }, arity) => {
      if (prefix === '') {
        const redirected = REDIRECTED.get(`${localName}#${arity}`);
        return redirected ? { namespaceURI: SEGUR_FUNCTIONS_NS, localName: redirected } : { namespaceURI: FN_NS, localName };
      }
      return { namespaceURI: resolve(prefix) ?? prefix, localName };
    },
    currentContext: state,
    moduleImports: { segur: SEGUR_FUNCTIONS_NS },
  };
}

/** Parses an expression without evaluating it: an error text, or undefined when it is valid XPath 3.1. */
export function checkXPathSyntax(expression: string): string | undefined {
  // Schematrons repeat expressions (abstract rules extended hundreds of times): parse each once.
  if (syntaxChecked.has(expression)) return syntaxChecked.get(expression);
  const outcome = parseOutcome(expression);
  syntaxChecked.set(expression, outcome);
  return outcome;
}

const syntaxChecked = new Map<string, string | undefined>();

function parseOutcome(expression: string): string | undefined {
  try {
    // parseScript builds an XQueryX tree (thrown away) in a scratch document.
    fontoxpath().parseScript(expression, { language: fontoxpath().evaluateXPath.XPATH_3_1_LANGUAGE }, scratch);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n').slice(-1)[0]!.slice(0, 300);
  }
}

function registerFunctions(): void {
  if (registered) return;
  registered = true;
  const name = (localName: string) => ({ namespaceURI: SEGUR_FUNCTIONS_NS, localName });
  fontoxpath().registerCustomXPathFunction(
    name(JDV_AT),
    ['xs:integer', 'xs:string?', 'xs:string*', 'xs:anyAtomicType*', 'xs:anyAtomicType*', 'xs:anyAtomicType*'],
    'xs:boolean',
    ({ currentContext }, check: number, path: string | null, attributes: string[], first: unknown[], second: unknown[], third: unknown[]) =>
      jdvLookup(currentContext as RunState, check, path, attributes, [first, second, third]),
  );
  fontoxpath().registerCustomXPathFunction(name('doc'), ['xs:string'], 'document-node()?', ({ currentContext }, href: string) => servedDocument(currentContext as RunState, href));
  fontoxpath().registerCustomXPathFunction(name('castable-calendar'), ['xs:anyAtomicType?', 'xs:string'], 'xs:boolean', (_context, value: unknown, type: string) => castableCalendar(value, type));
  fontoxpath().registerCustomXPathFunction(name('matches'), ['xs:string?', 'xs:string', 'xs:string'], 'xs:boolean', (_context, input: string | null, pattern: string, flags: string) =>
    matchesWithFlags(input ?? '', pattern, flags),
  );
  fontoxpath().registerCustomXPathFunction(name('namespace-uri-for-prefix'), ['xs:string?', 'element()'], 'xs:string?', (_context, prefix: string | null, element: Node) =>
    namespaceForPrefix(prefix ?? '', element),
  );
  // resolve-QName returns an xs:QName, which a JavaScript function cannot build: an XPath body does.
  fontoxpath().registerXQueryModule(
    `module namespace segur = "${SEGUR_FUNCTIONS_NS}";
     declare %public function segur:resolve-QName($qname as xs:string?, $element as element()) as xs:QName? {
       if (empty($qname)) then () else
       let $prefix := if (contains($qname, ':')) then substring-before($qname, ':') else ''
       return QName(segur:namespace-uri-for-prefix($prefix, $element), $qname)
     };`,
  );
}

const regexCache = new Map<string, RegExp>();

/** XPath `matches($input, $pattern, $flags)`: flags s, m, i, x as in F&O 3.1 §5.6.1. */
export function matchesWithFlags(input: string, pattern: string, flags: string): boolean {
  const key = `${flags}\u0000${pattern}`;
  let regex = regexCache.get(key);
  if (!regex) {
    if (!/^[smix]*$/.test(flags)) throw new Error(`FORX0001: drapeaux d’expression régulière invalides « ${flags} »`);
    const source = flags.includes('x') ? pattern.replace(/\s+/g, '') : pattern;
    regex = new RegExp(source, `u${flags.replace(/[x]/g, '')}`);
    regexCache.set(key, regex);
  }
  return regex.test(input);
}

/** document()/doc() of a file the compiler embedded, parsed once per run state (i.e. per pack). */
function servedDocument(state: RunState, href: string): Node | null {
  if (!state.parsed.has(href)) {
    const embedded = state.documents[href];
    const built = embedded ? buildDocument(embedded.text) : undefined;
    state.parsed.set(href, built?.ok ? built.built.document : null);
  }
  return state.parsed.get(href) as Node | null;
}

function namespaceForPrefix(prefix: string, element: Node): string | null {
  if (prefix === 'xml') return WELL_KNOWN.xml!;
  return (element as unknown as { lookupNamespaceURI(prefix: string | null): string | null }).lookupNamespaceURI(prefix === '' ? null : prefix);
}
