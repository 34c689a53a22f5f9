// ISO Schematron (ANS CI-SIS volet, queryBinding xslt2) → a rule pack (pack.ts). Steps: read the
// file and its includes (load-schema.ts), gather the parts (collect-schema.ts), choose the phase
// (the schema's defaultPhase unless told), instantiate abstract patterns (`is-a`, parameters
// substituted as whole `$name`s), compile each rule (compile-rule.ts), embed the value sets the
// active rules look up. Global lets are the schema's, the chosen phase's and every pattern's, in
// document order (the ISO skeleton makes them global XSLT variables).
import { join } from 'node:path';
import { PACK_FORMAT, type Pack, type PackLet, type PackPattern, type PackValueSet } from '../pack.js';
import { collectSchema, sch, type SchemaParts } from './collect-schema.js';
import { compileRule, letName } from './compile-rule.js';
import { Diagnostics } from './diagnostics.js';
import { loadSchema } from './load-schema.js';
import { readValueSet } from './read-value-set.js';
import { resolveTreePath } from './resolve-path.js';
import { readTreeFile } from './read-tree-file.js';
import { substituteVariables } from './xpath-text.js';
import { voletName } from '../volet-name.js';
import type { XmlElement } from './xml-tree.js';
import { appendAll } from '../../util/append.js';

export interface CompileOptions {
  /** Phase to apply; default: the schema's `defaultPhase` (all patterns when it has none or `#ALL`). */
  phase?: string;
  /** Syntax check of an XPath expression (run/xpath-engine.ts): an error text, or undefined. */
  checkXPath: (expression: string) => string | undefined;
  /**
   * The only files the compiler may read (relative paths: tree.ts sourceFiles), so that the cache
   * key, which covers them, covers everything compiled. Without it, any file inside the tree.
   */
  sources?: ReadonlySet<string>;
}

export interface CompileResult {
  pack: Pack;
  /** Every file read (schematrons and value sets), relative to the tree: the cache key's inputs. */
  files: string[];
}

/** `root`: the TestContenuCDA tree (absolute); `file`: the schematron, relative to it (POSIX). */
export function compileSchematron(root: string, file: string, options: CompileOptions): CompileResult {
  const diagnostics = new Diagnostics();
  const volet = voletName(file);
  const { sources } = options;
  const loaded = loadSchema(root, file, diagnostics, sources);
  const empty: Pack = { format: PACK_FORMAT, volet, source: file, title: '', phase: null, namespaces: {}, globals: [], patterns: [], valueSets: {}, documents: {}, diagnostics: diagnostics.list };
  if (!loaded) return { pack: empty, files: [] };
  const parts = collectSchema(loaded.root);
  for (const element of parts.ignored) {
    diagnostics.info('cisis/compile/element-ignored', element.file, { element: element.name }, { line: element.line });
  }

  const { phase, active } = choosePhase(parts, options.phase, file, diagnostics);
  const letOf = (element: XmlElement, params: ReadonlyMap<string, string>): PackLet => ({
    name: letName(element, diagnostics),
    value: substituteVariables(element.attrs.value ?? "''", params),
  });
  const globals: PackLet[] = parts.lets.map((let_) => letOf(let_, new Map()));
  if (phase) appendAll(globals, sch(parts.phases.get(phase)!, 'let').map((let_) => letOf(let_, new Map())));

  const patterns: PackPattern[] = [];
  const valueSetUses: { arg: string; file: string; pattern: string; rule: string; line: number }[] = [];
  const seenIds = new Set<string>();
  const documentHrefs = new Set<string>();
  parts.patterns.forEach((pattern, index) => {
    const id = pattern.attrs.id ?? `pattern-${index + 1}`;
    const instance = instantiate(pattern, id, parts, diagnostics);
    appendAll(globals, sch(instance.body, 'let').map((let_) => letOf(let_, instance.params)));
    if (active && !active.has(id)) return;
    seenIds.add(id);
    const rules = sch(instance.body, 'rule').filter((rule) => rule.attrs.abstract !== 'true');
    const compiled: PackPattern = { id, file: pattern.file, rules: [] };
    for (const rule of rules) {
      const result = compileRule(rule, {
        patternId: id,
        params: instance.params,
        abstractRules: parts.abstractRules,
        diagnostics,
        checkXPath: options.checkXPath,
        documentExists: (href) => ['exact', 'case-insensitive'].includes(resolveTreePath(root, file, href, sources).status),
      });
      if (!result) continue;
      compiled.rules.push(result.rule);
      for (const href of result.documents) documentHrefs.add(href);
      for (const arg of result.valueSetArgs) valueSetUses.push({ arg, file: rule.file, pattern: id, rule: result.rule.context, line: rule.line });
    }
    patterns.push(compiled);
  });
  if (active) {
    for (const id of active) {
      if (!seenIds.has(id)) diagnostics.warning('cisis/compile/phase-pattern-missing', file, { phase: phase ?? '', pattern: id }, { pattern: id });
    }
  }
  reportDuplicateGlobals(globals, file, diagnostics);

  const valueSets = embedValueSets(root, file, globals, valueSetUses, diagnostics, sources);
  const documents = embedDocuments(root, file, documentHrefs, sources);
  const pack: Pack = {
    format: PACK_FORMAT,
    volet,
    source: file,
    title: parts.title,
    phase: phase ?? null,
    namespaces: Object.fromEntries(parts.namespaces),
    globals,
    patterns,
    valueSets: valueSets.byArg,
    documents: documents.byHref,
    diagnostics: diagnostics.list,
  };
  return { pack, files: [...loaded.files, ...valueSets.files, ...documents.files] };
}

function choosePhase(parts: SchemaParts, wanted: string | undefined, file: string, diagnostics: Diagnostics): { phase?: string; active?: Set<string> } {
  const phase = wanted ?? parts.defaultPhase;
  if (phase === undefined || phase === '#ALL') return {};
  const element = parts.phases.get(phase);
  if (!element) {
    diagnostics.error('cisis/compile/phase-missing', file, { phase });
    return {};
  }
  return { phase, active: new Set(sch(element, 'active').map((active) => active.attrs.pattern ?? '')) };
}

/** An `is-a` pattern → the abstract pattern's body with this pattern's parameters. */
function instantiate(pattern: XmlElement, id: string, parts: SchemaParts, diagnostics: Diagnostics): { body: XmlElement; params: Map<string, string> } {
  const isA = pattern.attrs['is-a'];
  if (isA === undefined) return { body: pattern, params: new Map() };
  const params = new Map(sch(pattern, 'param').map((param) => [param.attrs.name ?? '', param.attrs.value ?? '']));
  const abstract = parts.abstractPatterns.get(isA);
  if (!abstract) {
    diagnostics.error('cisis/compile/abstract-missing', pattern.file, { abstract: isA }, { line: pattern.line, pattern: id });
    return { body: { ...pattern, children: [] }, params };
  }
  return { body: abstract, params };
}


function reportDuplicateGlobals(globals: readonly PackLet[], file: string, diagnostics: Diagnostics): void {
  const seen = new Map<string, string>();
  for (const let_ of globals) {
    const previous = seen.get(let_.name);
    if (previous !== undefined && previous !== let_.value) diagnostics.warning('cisis/compile/duplicate-let', file, { name: let_.name });
    seen.set(let_.name, let_.value);
  }
}

/**
 * The value sets the rules look up, read once each and keyed by the path as the schematron writes
 * it (what the lookup function receives at run time). A missing file is embedded as `missing`: the
 * checks that need it then say "value set unavailable" instead of failing.
 */
function embedValueSets(
  root: string,
  source: string,
  globals: readonly PackLet[],
  uses: readonly { arg: string; file: string; pattern: string; rule: string; line: number }[],
  diagnostics: Diagnostics,
  sources: ReadonlySet<string> | undefined,
): { byArg: Record<string, PackValueSet>; files: string[] } {
  const byArg: Record<string, PackValueSet> = {};
  const files: string[] = [];
  const globalValues = new Map(globals.map((let_) => [let_.name, let_.value]));
  const reported = new Set<string>();
  for (const use of uses) {
    const where = { line: use.line, pattern: use.pattern, rule: use.rule };
    const literal = literalPath(use.arg, globalValues);
    if (literal === undefined) {
      diagnostics.warning('cisis/compile/value-set-dynamic', use.file, { arg: use.arg }, where);
      continue;
    }
    if (byArg[literal]) {
      if ('missing' in byArg[literal]! && !reported.has(`${literal}\u0000${use.pattern}`)) {
        reported.add(`${literal}\u0000${use.pattern}`);
        diagnostics.warning('cisis/compile/value-set-missing', use.file, { jdv: literal }, where);
      }
      continue;
    }
    const resolved = resolveTreePath(root, source, literal, sources);
    if (resolved.status === 'case-insensitive') diagnostics.warning('cisis/compile/value-set-case', use.file, { jdv: literal, actual: resolved.relative }, where);
    const read = resolved.status === 'exact' || resolved.status === 'case-insensitive' ? readValueSet(root, resolved.relative) : undefined;
    if (!read?.ok) {
      byArg[literal] = { file: resolved.relative, missing: true };
      reported.add(`${literal}\u0000${use.pattern}`);
      diagnostics.warning(read ? 'cisis/compile/value-set-unreadable' : 'cisis/compile/value-set-missing', use.file, { jdv: literal, ...(read ? { detail: read.detail } : {}) }, where);
      continue;
    }
    files.push(resolved.relative);
    byArg[literal] = { file: resolved.relative, concepts: read.concepts };
  }
  return { byArg, files };
}

/** Files read with document()/doc() (their presence was checked when the rules were compiled). */
function embedDocuments(root: string, source: string, hrefs: ReadonlySet<string>, sources: ReadonlySet<string> | undefined): { byHref: Pack['documents']; files: string[] } {
  const byHref: Pack['documents'] = {};
  const files: string[] = [];
  for (const href of [...hrefs].sort()) {
    const resolved = resolveTreePath(root, source, href, sources);
    const read = readTreeFile(root, resolved.relative);
    // Checked present at compile time; a file vanishing or undecodable meanwhile is simply not served.
    if (read.ok) {
      byHref[href] = { file: resolved.relative, text: read.text };
      files.push(resolved.relative);
    }
  }
  return { byHref, files };
}

/** `'x.xml'` or `$var` bound (globally) to `'x.xml'` → `x.xml`. */
function literalPath(arg: string, globals: ReadonlyMap<string, string>): string | undefined {
  const value = arg.startsWith('$') ? globals.get(arg.slice(1))?.trim() : arg;
  const match = value === undefined ? null : /^(['"])(.*)\1$/.exec(value);
  return match ? match[2] : undefined;
}

