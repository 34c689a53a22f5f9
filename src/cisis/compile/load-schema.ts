// Reads a schematron and its includes into one tree (ISO Schematron §5.4.4: an `include` is
// replaced by the document element of the file it names, recursively). Each defect met is a
// diagnostic: a href whose letter case differs from the file (resolved anyway), a missing or empty
// file (the include is dropped, as the official chain drops it), a malformed file.
import { readTreeFile } from './read-tree-file.js';
import type { Diagnostics } from './diagnostics.js';
import { resolveTreePath } from './resolve-path.js';
import { parseXmlTree, SCHEMATRON_NS, type XmlChild, type XmlElement } from './xml-tree.js';

/** Deeper include chains than this are a loop or a hostile tree. */
const MAX_INCLUDE_DEPTH = 16;

interface Tree {
  root: string;
  sources: ReadonlySet<string> | undefined;
}

export interface LoadedSchema {
  root: XmlElement;
  /** Every file read (relative paths), for the cache key. */
  files: string[];
}

/**
 * `root`: the TestContenuCDA tree; `file`: the schematron, relative to it; `sources`: the files
 * includes may name (resolve-path.ts). Undefined when the main file itself is unusable.
 */
export function loadSchema(root: string, file: string, diagnostics: Diagnostics, sources?: ReadonlySet<string>): LoadedSchema | undefined {
  const files: string[] = [];
  const main = readTree(root, file, diagnostics, files);
  if (!main) return undefined;
  expandIncludes(main, { root, sources }, diagnostics, files, 0);
  return { root: main, files };
}

function readTree(root: string, file: string, diagnostics: Diagnostics, files: string[], includedAt?: XmlElement): XmlElement | undefined {
  const read = readTreeFile(root, file);
  if (!read.ok) {
    diagnostics.error('cisis/compile/unreadable', file, { detail: read.code ?? read.detail }, { line: includedAt?.line });
    return undefined;
  }
  const text = read.text;
  files.push(file);
  if (text.trim() === '') {
    diagnostics.error('cisis/compile/include-empty', includedAt?.file ?? file, { href: file }, { line: includedAt?.line });
    return undefined;
  }
  const outcome = parseXmlTree(text, file);
  if (outcome.status === 'error') {
    diagnostics.error('cisis/compile/malformed', file, { detail: outcome.detail }, { line: outcome.line });
    return undefined;
  }
  return outcome.root;
}

function expandIncludes(element: XmlElement, tree: Tree, diagnostics: Diagnostics, files: string[], depth: number): void {
  const expanded: XmlChild[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') {
      expanded.push(child);
      continue;
    }
    if (child.uri === SCHEMATRON_NS && child.name === 'include') {
      const included = include(child, tree, diagnostics, files, depth);
      if (included) expanded.push(included);
      continue;
    }
    expandIncludes(child, tree, diagnostics, files, depth);
    expanded.push(child);
  }
  element.children = expanded;
}

function include(element: XmlElement, tree: Tree, diagnostics: Diagnostics, files: string[], depth: number): XmlElement | undefined {
  const href = element.attrs.href ?? '';
  const where = { line: element.line };
  if (depth >= MAX_INCLUDE_DEPTH) {
    diagnostics.error('cisis/compile/include-too-deep', element.file, { href, limit: MAX_INCLUDE_DEPTH }, where);
    return undefined;
  }
  const resolved = resolveTreePath(tree.root, element.file, href, tree.sources);
  switch (resolved.status) {
    case 'outside':
      diagnostics.error('cisis/compile/include-outside', element.file, { href }, where);
      return undefined;
    case 'missing':
      if (resolved.emptyEntry) diagnostics.error('cisis/compile/include-empty-entry', element.file, { href, entry: resolved.emptyEntry }, where);
      else diagnostics.error('cisis/compile/include-missing', element.file, { href }, where);
      return undefined;
    case 'case-insensitive':
      diagnostics.warning('cisis/compile/include-case', element.file, { href, actual: resolved.relative }, where);
      break;
    case 'exact':
      break;
  }
  const included = readTree(tree.root, resolved.relative, diagnostics, files, element);
  if (!included) return undefined;
  expandIncludes(included, tree, diagnostics, files, depth + 1);
  return included;
}
