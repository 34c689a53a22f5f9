// Evaluates a compiled volet pack on one document, as the ISO skeleton does: for each pattern,
// each node in document order fires at most the first rule (in pattern order) whose context
// matches it; a fired rule evaluates its lets, then its asserts (a finding when false) and reports
// (a finding when true). Speed: candidate rules come from an index by element name, and each fired
// rule is one XPath evaluation (lets and every test together), the messages only for findings.
import type { Element, Node } from 'slimdom';
import type { ArtefactFinding } from '../../artefacts/types.js';
import type { Severity } from '../../engine/finding.js';
import { ROOT_KEY } from '../compile/match-pattern.js';
import type { Pack, PackCheck, PackPattern, PackRule } from '../pack.js';
import { buildDocument, type BuildOutcome } from './dom.js';
import { svrlLocation } from './location.js';
import { passesPrefilter } from './prefilter.js';
import { descendantSteps } from './descendant-steps.js';
import { newRunState, type RunState } from './value-sets.js';
import {
  evaluateXPathToBoolean,
  evaluateXPathToNodes,
  evaluateXPathToNumbers,
  evaluateXPathToString,
  evaluationOptions,
  withCheckIndex,
  type EvaluationOptions,
} from './xpath-engine.js';

export const CISIS_MESSAGE = 'cisis/assert';

interface PreparedRule {
  rule: PackRule;
  patternId: string;
  /** The context's test on a candidate (or its selection from the root), computed globals bound. */
  match: string;
  /** Lets and tests in one expression returning the indexes of the checks that fail. */
  combined: string;
  /** Lets + one test, used to isolate a check when the combined expression raises an error. */
  single: string[];
  messages: string[];
}

interface PreparedPattern {
  pattern: PackPattern;
  rules: PreparedRule[];
  /** Local name (or `/` for the root) → indexes of the rules that can match it, in pattern order. */
  byName: Map<string, number[]>;
  /** Rules whose context ends with `*`: candidates for every element. */
  anyName: number[];
}

export interface PreparedPack {
  pack: Pack;
  patterns: PreparedPattern[];
  /** Global lets whose value is a literal: passed as variables. */
  constants: Record<string, string | number>;
  /** Other global lets, evaluated from the root inside each expression that refers to them. */
  computed: { name: string; value: string }[];
  /** Built once: fontoxpath caches compiled expressions per static context, resolvers included. */
  options: EvaluationOptions;
  state: RunState;
}

export interface PackRun {
  findings: ArtefactFinding[];
  /** Rule firings (the SVRL's fired-rule count, a cross-check with the official chain). */
  firedRules: number;
}

/** Indexes a pack for evaluation (once per pack per process). */
export function preparePack(pack: Pack): PreparedPack {
  const constants: Record<string, string | number> = {};
  const computed: { name: string; value: string }[] = [];
  for (const global of pack.globals) {
    const literal = literalValue(global.value);
    if (literal !== undefined && !computed.some((other) => other.name === global.name)) constants[global.name] = literal;
    else {
      delete constants[global.name];
      computed.push(global);
    }
  }
  const prelude = (expression: string) => globalPrelude(expression, computed);
  const patterns = pack.patterns.map((pattern): PreparedPattern => {
    const byName = new Map<string, number[]>();
    const anyName: number[] = [];
    const rules = pattern.rules.map((rule, index) => {
      if (rule.match.names === null) anyName.push(index);
      else for (const name of rule.match.names) byName.set(name, [...(byName.get(name) ?? []), index]);
      return prepareRule(rule, pattern.id, prelude);
    });
    // Wildcard rules compete with named ones in pattern order: merge them into each name's list.
    for (const [name, indexes] of byName) byName.set(name, [...new Set([...indexes, ...anyName])].sort((a, b) => a - b));
    return { pattern, rules, byName, anyName };
  });
  const state = newRunState(pack.valueSets, pack.documents);
  return { pack, patterns, constants, computed, state, options: evaluationOptions(pack.namespaces, state) };
}

function prepareRule(rule: PackRule, patternId: string, prelude: (expression: string) => string): PreparedRule {
  // XPath 3.1 has no multi-clause FLWOR: one `let … return` per variable, nested.
  const lets = rule.lets.map((let_) => `let $${let_.name} := (${withCheckIndex(let_.value, -1)}) return `).join('');
  // `//name[p]` steps as `/descendant::name[p]` (descendant-steps.ts): the same nodes, without
  // fontoxpath's sort of every child step into document order.
  const body = (expression: string) => {
    const text = `${lets}(${expression})`;
    return descendantSteps(prelude(text) + text);
  };
  const tests = rule.checks.map((check, index) => {
    const test = withCheckIndex(check.test, index);
    return check.kind === 'assert' ? `(if (${test}) then () else ${index})` : `(if (${test}) then ${index} else ())`;
  });
  const matchText = rule.match.select ?? rule.match.self!;
  return {
    rule,
    patternId,
    // Built once: fontoxpath's cache is keyed by the expression text (a new string each call would be rehashed).
    match: descendantSteps(prelude(matchText) + matchText),
    combined: body(tests.length > 0 ? tests.join(', ') : '()'),
    single: rule.checks.map((check, index) => body(`boolean(${withCheckIndex(check.test, index)})`)),
    messages: rule.checks.map((check) => body(messageExpression(check))),
  };
}

/** Runs the pack on a document (its text, or its tree already built). Never throws on document content. */
export function runPack(prepared: PreparedPack, input: string | BuildOutcome): PackRun {
  const outcome = typeof input === 'string' ? buildDocument(input) : input;
  const volet = prepared.pack.volet;
  if (!outcome.ok) {
    // The header validator reports a fault itself (an error): here, only that the volet did not run.
    if (outcome.reason === 'malformed') return { findings: [{ rule: 'cisis/not-well-formed', severity: 'info', args: { volet, detail: outcome.detail }, line: outcome.line }], firedRules: 0 };
    // A well-formed document beyond the node budget: nothing else says the volet was not checked.
    return { findings: [{ rule: 'cisis/too-many-nodes', severity: 'warning', args: { volet, limit: outcome.limit }, line: outcome.line }], firedRules: 0 };
  }
  const { document, lines, elements } = outcome.built;
  const { state, options } = prepared;
  const findings: ArtefactFinding[] = [];
  let firedRules = 0;
  const selected = new Map<PreparedRule, Set<Node>>();
  const nodes: (Node & { localName?: string })[] = [document, ...elements];
  for (const node of nodes) {
    const key = node === document ? ROOT_KEY : (node as Element).localName;
    for (const pattern of prepared.patterns) {
      const candidates = pattern.byName.get(key) ?? (node === document ? [] : pattern.anyName);
      for (const index of candidates) {
        const rule = pattern.rules[index]!;
        if (!matches(rule, node, document, selected, prepared, options)) continue;
        firedRules++;
        fire(rule, node, prepared, options, state, findings, volet, lines);
        break;
      }
    }
  }
  return { findings, firedRules };
}

function matches(rule: PreparedRule, node: Node, document: Node, selected: Map<PreparedRule, Set<Node>>, prepared: PreparedPack, options: EvaluationOptions): boolean {
  const prefilter = rule.rule.match.prefilter;
  if (prefilter && !passesPrefilter(prefilter, node)) return false;
  try {
    if (rule.rule.match.select !== undefined) {
      let set = selected.get(rule);
      if (!set) {
        set = new Set(evaluateXPathToNodes(rule.match, document, null, prepared.constants, options) as Node[]);
        selected.set(rule, set);
      }
      return set.has(node);
    }
    return evaluateXPathToBoolean(rule.match, node, null, prepared.constants, options);
  } catch {
    // A context that raises an error matches nothing (XSLT: a dynamic error in a pattern is a non-match).
    return false;
  }
}

function fire(
  rule: PreparedRule,
  node: Node,
  prepared: PreparedPack,
  options: EvaluationOptions,
  state: RunState,
  findings: ArtefactFinding[],
  volet: string,
  lines: Map<Node, number>,
): void {
  const location = svrlLocation(node);
  const line = lines.get(node);
  const base = (check: PackCheck) => ({ rule: `cisis/${volet}/${check.id ?? rule.patternId}`, location, ...(line !== undefined ? { line } : {}) });
  state.unavailable.clear();
  let failed: number[];
  try {
    failed = evaluateXPathToNumbers(rule.combined, node, null, prepared.constants, options);
  } catch {
    failed = [];
    rule.rule.checks.forEach((check, index) => {
      try {
        const value = evaluateXPathToBoolean(rule.single[index]!, node, null, prepared.constants, options);
        if (value === (check.kind === 'report')) failed.push(index);
      } catch (error) {
        findings.push({ ...base(check), severity: 'warning', messageKey: 'cisis/xpath-error', args: { volet, test: check.test.slice(0, 200), detail: errorText(error) } });
      }
    });
  }
  for (const [index, files] of state.unavailable) {
    const checks = index < 0 ? rule.rule.checks : [rule.rule.checks[index]!];
    for (const check of checks) {
      for (const file of files) findings.push({ ...base(check), severity: 'warning', messageKey: 'cisis/value-set-unavailable', args: { volet, jdv: file } });
    }
  }
  for (const index of failed) {
    const check = rule.rule.checks[index]!;
    findings.push({ ...base(check), severity: severityOf(check.role), messageKey: CISIS_MESSAGE, args: { volet, ansText: messageText(rule, index, node, prepared, options) } });
  }
}

function messageText(rule: PreparedRule, index: number, node: Node, prepared: PreparedPack, options: EvaluationOptions): string {
  let text: string;
  try {
    text = evaluateXPathToString(rule.messages[index]!, node, null, prepared.constants, options);
  } catch {
    text = rule.rule.checks[index]!.message.map((part) => (typeof part === 'string' ? part : '')).join('');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The message as one XPath string expression: literal parts quoted, value-of joined by spaces (XSLT 2.0). */
function messageExpression(check: PackCheck): string {
  const parts = check.message.map((part) => {
    if (typeof part === 'string') return `'${part.replace(/'/g, "''")}'`;
    if ('select' in part) return `string-join((${part.select}) ! string(.), ' ')`;
    return `name(${part.nameOf})`;
  });
  return parts.length === 0 ? "''" : `string-join((${parts.join(', ')}), '')`;
}

export function severityOf(role: string | undefined): Severity {
  const value = role?.toLowerCase();
  if (value === 'warning' || value === 'warn') return 'warning';
  if (value === 'info' || value === 'information') return 'info';
  return 'error';
}

/** `'text'`, `"text"` or a number → its value; anything else undefined. */
function literalValue(expression: string): string | number | undefined {
  const trimmed = expression.trim();
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(trimmed);
  if (quoted) return quoted[1] ?? quoted[2]!;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** `let $g := root(.) ! (value)` for each computed global the expression refers to (with their own dependencies). */
function globalPrelude(expression: string, computed: readonly { name: string; value: string }[]): string {
  if (computed.length === 0 || !expression.includes('$')) return '';
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const global of computed) {
      if (!needed.has(global.name) && refersTo(text, global.name)) {
        needed.add(global.name);
        visit(global.value);
      }
    }
  };
  visit(expression);
  return computed
    .filter((global) => needed.has(global.name))
    .map((global) => `let $${global.name} := root(.) ! (${global.value}) return `)
    .join('');
}

function refersTo(expression: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`\\$${escaped}(?![\\w.-])`).test(expression);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}
