// Translates a rule context (an XSLT 2.0 match pattern, XSLT §5.5.2) into how the runner matches it:
// the local names the matched element can have (its index key), and a boolean XPath evaluated on
// a candidate element that reads the pattern from the element upwards:
//   a/b[p]//c[q]   →   self::c[q][ancestor::b[p][parent::a]]
// A node N matches a child-axis pattern exactly when that expression holds on N. Positional
// predicates (a number, position(), last()) lose their meaning on the parent/ancestor axes: such
// patterns are matched by selecting `//pattern` from the root instead (slower, exact). The root
// pattern `/` matches the document node.
import type { PackMatch, PackPrefilter } from '../pack.js';
import { splitTopLevel } from './xpath-text.js';

export const ROOT_KEY = '/';

interface Step {
  /** Separator before the step: '' (relative start), '/' or '//'. */
  separator: '' | '/' | '//';
  test: string;
  predicates: string[];
}

export type MatchOutcome = { ok: true; match: PackMatch } | { ok: false; reason: string };

export function compileMatch(context: string): MatchOutcome {
  const pattern = context.trim();
  if (pattern === '') return { ok: false, reason: 'contexte vide' };
  if (pattern === '/') return { ok: true, match: { names: [ROOT_KEY], self: 'true()' } };
  const alternatives = splitTopLevel(pattern, '|').map((part) => part.trim());
  const names = new Set<string>();
  let anyName = false;
  const tests: string[] = [];
  let positional = false;
  for (const alternative of alternatives) {
    const steps = parseSteps(alternative);
    if (!steps) return { ok: false, reason: `motif non reconnu : ${alternative}` };
    const last = steps[steps.length - 1]!;
    if (last.test.startsWith('@') || /^(text|comment|processing-instruction)\(/.test(last.test)) {
      return { ok: false, reason: `contexte sur un attribut ou un nœud texte : ${alternative}` };
    }
    const name = localNameOf(last.test);
    if (name === undefined) anyName = true;
    else names.add(name);
    if (steps.some((step) => step.predicates.some(isPositional))) positional = true;
    tests.push(upwardTest(steps));
  }
  const match: PackMatch = { names: anyName ? null : [...names].sort() };
  // A prefilter is a necessary condition only when the pattern has a single alternative.
  if (alternatives.length === 1) {
    const prefilter = prefilterOf(parseSteps(alternatives[0]!)!);
    if (prefilter) match.prefilter = prefilter;
  }
  if (positional) {
    match.select = alternatives.map((alternative) => `(${alternative.startsWith('/') ? alternative : `//${alternative}`})`).join(' | ');
  } else {
    match.self = tests.length === 1 ? tests[0]! : tests.map((test) => `(${test})`).join(' or ');
  }
  return { ok: true, match };
}

function parseSteps(pattern: string): Step[] | undefined {
  const raw = splitTopLevel(pattern, '/');
  const steps: Step[] = [];
  let separator: Step['separator'] = '';
  for (let index = 0; index < raw.length; index++) {
    const text = raw[index]!.trim();
    if (text === '') {
      // A leading '/' gives an empty first part; '//' an empty part between two slashes.
      if (index === raw.length - 1) return undefined;
      separator = index === 0 ? '/' : '//';
      if (index === 1 && steps.length === 0) separator = '//';
      continue;
    }
    const step = parseStep(text, steps.length === 0 ? separator : separator === '' ? '/' : separator);
    if (!step) return undefined;
    steps.push(step);
    separator = '/';
  }
  return steps.length > 0 ? steps : undefined;
}

function parseStep(text: string, separator: Step['separator']): Step | undefined {
  const bracket = text.indexOf('[');
  let test = (bracket < 0 ? text : text.slice(0, bracket)).trim();
  if (test.startsWith('child::')) test = test.slice(7);
  else if (test.startsWith('attribute::')) test = `@${test.slice(11)}`;
  if (!/^@?(\*|[\w.-]+:\*|\*:[\w.-]+|[\w.-]+(:[\w.-]+)?|node\(\)|text\(\)|comment\(\)|processing-instruction\(\))$/.test(test)) return undefined;
  const predicates: string[] = [];
  if (bracket >= 0) {
    let rest = text.slice(bracket);
    while (rest.length > 0) {
      if (!rest.startsWith('[')) return undefined;
      const end = closingBracket(rest);
      if (end < 0) return undefined;
      predicates.push(rest.slice(1, end));
      rest = rest.slice(end + 1).trim();
    }
  }
  return { separator, test, predicates };
}

function closingBracket(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function localNameOf(test: string): string | undefined {
  if (test === '*' || test.endsWith(':*') || test === 'node()') return undefined;
  const colon = test.indexOf(':');
  return colon < 0 ? test : test.slice(colon + 1);
}

/** A predicate whose value depends on the position of the node among its siblings. */
function isPositional(predicate: string): boolean {
  const trimmed = predicate.trim();
  return /^[\d\s.+\-*()]+$/.test(trimmed) || /\b(position|last)\s*\(/.test(trimmed);
}

function upwardTest(steps: readonly Step[]): string {
  let condition = '';
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    let own = `${step.test}${step.predicates.map((predicate) => `[${predicate}]`).join('')}`;
    if (index === 0 && step.separator === '/') own += '[parent::document-node()]';
    if (index > 0) {
      const axis = step.separator === '//' ? 'ancestor' : 'parent';
      condition = `[${axis}::${condition}]`;
      own += condition;
    }
    condition = own;
  }
  return `self::${condition}`;
}

/** Names and simple attribute facts of the last steps joined by `/` (element, parent, …). */
function prefilterOf(steps: readonly Step[]): PackPrefilter | undefined {
  const levels: PackPrefilter['levels'] = [];
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index]!;
    const name = localNameOf(step.test);
    levels.push({ name: name ?? null, facts: step.predicates.flatMap(factsOf) });
    if (step.separator !== '/' || index === 0) break;
  }
  const useful = levels.some((level) => level.facts.length > 0) || levels.length > 1;
  return useful ? { levels } : undefined;
}

const QUOTED = `(?:'([^']*)'|"([^"]*)")`;
const CHILD_PATH = new RegExp(`^(?:[\\w.-]+:|\\*:)?([\\w.-]+)\\s*/\\s*@([\\w.-]+)\\s*=\\s*${QUOTED}$`);
const CHILD_PREDICATE = new RegExp(`^(?:[\\w.-]+:|\\*:)?([\\w.-]+)\\s*\\[\\s*@([\\w.-]+)\\s*=\\s*${QUOTED}\\s*\\]$`);
const OWN_ATTRIBUTE = new RegExp(`^@([\\w.-]+)\\s*=\\s*${QUOTED}$`);

/** Facts a predicate requires: `cda:templateId/@root='x'`, `cda:code[@code='x']`, `@classCode='x'`, joined by `and`. */
function factsOf(predicate: string): PackPrefilter['levels'][number]['facts'] {
  const facts: PackPrefilter['levels'][number]['facts'] = [];
  for (const clause of splitAnd(predicate)) {
    const text = clause.trim();
    const child = CHILD_PATH.exec(text) ?? CHILD_PREDICATE.exec(text);
    if (child) {
      facts.push({ child: child[1]!, attribute: child[2]!, value: child[3] ?? child[4]! });
      continue;
    }
    const own = OWN_ATTRIBUTE.exec(text);
    if (own) facts.push({ attribute: own[1]!, value: own[2] ?? own[3]! });
  }
  return facts;
}

/** Top-level `and` operands; a predicate with a top-level `or` gives no facts (empty list). */
function splitAnd(predicate: string): string[] {
  const spaced = predicate.replace(/\s+/g, ' ');
  return splitTopLevel(spaced, ' or ').length > 1 ? [] : splitTopLevel(spaced, ' and ');
}
