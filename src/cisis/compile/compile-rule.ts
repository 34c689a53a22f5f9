// One schematron rule → a pack rule: context matched by name (match-pattern.ts), `extends` spliced
// in (ISO §5.4.3, recursively), lets, asserts and reports with their message parts, abstract-pattern
// parameters substituted, value-set lookups rewritten. What cannot be translated is a diagnostic
// and is left out of the pack (the rule, or the single check, never silently).
import type { MessagePart, PackCheck, PackLet, PackRule } from '../pack.js';
import type { Diagnostics } from './diagnostics.js';
import { compileMatch } from './match-pattern.js';
import { sch } from './collect-schema.js';
import { rewriteValueSetLookups } from './value-set-calls.js';
import { rewriteCalendarCasts } from './calendar-casts.js';
import { substituteVariables } from './xpath-text.js';
import { SCHEMATRON_NS, type XmlElement } from './xml-tree.js';
import { appendAll } from '../../util/append.js';

export interface RuleScope {
  patternId: string;
  params: ReadonlyMap<string, string>;
  abstractRules: ReadonlyMap<string, XmlElement>;
  diagnostics: Diagnostics;
  /** Syntax check of an XPath expression: an error text, or undefined when it parses. */
  checkXPath: (expression: string) => string | undefined;
  /** Whether a file named by a document()/doc() call exists (href relative to the main schematron). */
  documentExists: (href: string) => boolean;
}

/** A document()/doc() call that cannot run: a computed argument, or a file that is not there. */
function documentProblem(translated: ReturnType<typeof rewriteValueSetLookups>, scope: RuleScope): { code: string; args: Record<string, string> } | undefined {
  const missing = translated.documents.find((href) => !scope.documentExists(href));
  if (missing !== undefined) return { code: 'cisis/compile/document-missing', args: { href: missing } };
  if (translated.untranslated.length > 0) return untranslatedCall(translated.untranslated[0]!, scope);
  return undefined;
}

/** The diagnostic for a document()/doc() call left untranslated: a missing file (structuration minimale's ART-DECOR voc-*.xml) says so. */
function untranslatedCall(call: string, scope: RuleScope): { code: string; args: Record<string, string> } {
  const literal = /\(\s*'([^']*)'\s*\)|\(\s*"([^"]*)"\s*\)/.exec(call);
  const href = literal ? (literal[1] ?? literal[2]!) : undefined;
  if (href !== undefined && !scope.documentExists(href)) return { code: 'cisis/compile/document-missing', args: { href } };
  return { code: 'cisis/compile/document-unsupported', args: { call } };
}

export interface CompiledRule {
  rule: PackRule;
  /** First arguments of value-set lookups, as written, with the check or let using them. */
  valueSetArgs: string[];
  /** Files read with document()/doc() (hrefs as written, relative to the main schematron). */
  documents: string[];
}

const MAX_EXTENDS_DEPTH = 8;

export function compileRule(element: XmlElement, scope: RuleScope): CompiledRule | undefined {
  const context = substituteVariables(element.attrs.context ?? '', scope.params).trim();
  const where = { line: element.line, pattern: scope.patternId, rule: context };
  const report = (code: string, args: Record<string, string | number>, severity: 'error' | 'warning' = 'error', line = element.line) =>
    scope.diagnostics[severity](code, element.file, args, { ...where, line });

  const contextText = translate(context);
  const contextProblem = documentProblem(contextText, scope);
  if (contextProblem || contextText.valueSetArgs.length > 0) {
    const problem = contextProblem ?? untranslatedCall('document()', scope);
    report(problem.code, { ...problem.args, what: 'context' });
    return undefined;
  }
  const documents = [...contextText.documents];
  const match = compileMatch(contextText.expression);
  if (!match.ok) {
    report('cisis/compile/context-unsupported', { reason: match.reason });
    return undefined;
  }
  const syntax = [match.match.self, match.match.select].filter((text): text is string => text !== undefined).map(scope.checkXPath).find(Boolean);
  if (syntax) {
    report('cisis/compile/xpath-invalid', { expression: context, detail: syntax });
    return undefined;
  }

  const lets: PackLet[] = [];
  const checks: PackCheck[] = [];
  const valueSetArgs: string[] = [];
  const body = flattenExtends(element, scope, 0);
  if (!body) return undefined;
  for (const child of body) {
    if (child.name === 'let') {
      const value = child.attrs.value;
      if (value === undefined) {
        report('cisis/compile/let-without-value', { name: child.attrs.name ?? '' }, 'error', child.line);
        return undefined;
      }
      const translated = translate(substituteVariables(value, scope.params));
      const problem = documentProblem(translated, scope);
      if (problem) {
        report(problem.code, { ...problem.args, what: `let ${child.attrs.name ?? ''}` }, 'error', child.line);
        return undefined;
      }
      appendAll(documents, translated.documents);
      const error = scope.checkXPath(translated.expression);
      if (error) {
        report('cisis/compile/xpath-invalid', { expression: value, detail: error }, 'error', child.line);
        return undefined;
      }
      appendAll(valueSetArgs, translated.valueSetArgs);
      lets.push({ name: letName(child, scope.diagnostics), value: translated.expression });
      continue;
    }
    const check = compileCheck(child, scope, (code, args) => report(code, args, 'error', child.line));
    if (check) {
      checks.push(check.check);
      appendAll(valueSetArgs, check.valueSetArgs);
      appendAll(documents, check.documents);
    }
  }
  return { rule: { context, match: match.match, lets, checks, file: element.file, line: element.line }, valueSetArgs, documents };
}

/** The rule's lets and checks with each `extends` replaced by the abstract rule's own (in place). */
function flattenExtends(element: XmlElement, scope: RuleScope, depth: number): XmlElement[] | undefined {
  const body: XmlElement[] = [];
  for (const child of sch(element)) {
    if (child.name === 'let' || child.name === 'assert' || child.name === 'report') body.push(child);
    else if (child.name === 'extends') {
      const id = child.attrs.rule;
      const target = id === undefined ? undefined : scope.abstractRules.get(id);
      if (!target || depth >= MAX_EXTENDS_DEPTH) {
        scope.diagnostics.error('cisis/compile/extends-missing', child.file, { rule: id ?? child.attrs.href ?? '' }, { line: child.line, pattern: scope.patternId, rule: element.attrs.context });
        continue;
      }
      const inner = flattenExtends(target, scope, depth + 1);
      if (inner) appendAll(body, inner);
    }
  }
  return body;
}

function compileCheck(
  element: XmlElement,
  scope: RuleScope,
  report: (code: string, args: Record<string, string | number>) => void,
): { check: PackCheck; valueSetArgs: string[]; documents: string[] } | undefined {
  const test = translate(substituteVariables(element.attrs.test ?? '', scope.params));
  const problem = documentProblem(test, scope);
  if (problem) {
    report(problem.code, { ...problem.args, what: element.name });
    return undefined;
  }
  const documents = [...test.documents];
  const error = scope.checkXPath(test.expression);
  if (error) {
    report('cisis/compile/xpath-invalid', { expression: element.attrs.test ?? '', detail: error });
    return undefined;
  }
  const message: MessagePart[] = [];
  for (const part of messageParts(element, scope.params)) {
    if (typeof part === 'string') {
      message.push(part);
      continue;
    }
    const expression = 'select' in part ? part.select : part.nameOf;
    const translated = translate(expression);
    const untranslatable = translated.untranslated.length > 0 || translated.documents.some((href) => !scope.documentExists(href));
    const failure = untranslatable ? 'document()' : scope.checkXPath(translated.expression);
    if (failure) {
      report('cisis/compile/message-expression', { expression, detail: failure });
      message.push(`{${expression}}`);
      continue;
    }
    appendAll(documents, translated.documents);
    message.push('select' in part ? { select: translated.expression } : { nameOf: translated.expression });
  }
  const check: PackCheck = { kind: element.name as 'assert' | 'report', test: test.expression, message, file: element.file, line: element.line };
  if (element.attrs.id !== undefined) check.id = element.attrs.id;
  if (element.attrs.role !== undefined) check.role = element.attrs.role;
  return { check, valueSetArgs: test.valueSetArgs, documents };
}

function messageParts(element: XmlElement, params: ReadonlyMap<string, string>): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') parts.push(child);
    else if (child.uri === SCHEMATRON_NS && child.name === 'value-of') parts.push({ select: substituteVariables(child.attrs.select ?? "''", params) });
    else if (child.uri === SCHEMATRON_NS && child.name === 'name') parts.push({ nameOf: substituteVariables(child.attrs.path ?? '.', params) });
    else appendAll(parts, messageParts(child, params));
  }
  return parts;
}

function translate(expression: string): ReturnType<typeof rewriteValueSetLookups> {
  return rewriteValueSetLookups(rewriteCalendarCasts(expression));
}

/**
 * A let's name, whitespace-trimmed as XSLT reads a QName attribute (Saxon accepts
 * `name="jdv_X "`, as in CI-SIS_OPH-BRE): the trim is reported.
 */
export function letName(element: XmlElement, diagnostics: Diagnostics): string {
  const written = element.attrs.name ?? '';
  const name = written.trim();
  if (name !== written) diagnostics.info('cisis/compile/let-name-spaces', element.file, { name: written }, { line: element.line });
  return name;
}
