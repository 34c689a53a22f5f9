// Walks a loaded schematron (includes expanded) and gathers what the compiler needs: namespaces,
// schema- and pattern-level lets, phases, concrete and abstract patterns, abstract rules.
import { childElements, SCHEMATRON_NS, textContent, type XmlElement } from './xml-tree.js';

export interface SchemaParts {
  title: string;
  defaultPhase?: string;
  namespaces: Map<string, string>;
  /** Schema-level lets, in document order. */
  lets: XmlElement[];
  phases: Map<string, XmlElement>;
  /** Concrete patterns (instances of abstract ones included), in document order. */
  patterns: XmlElement[];
  abstractPatterns: Map<string, XmlElement>;
  abstractRules: Map<string, XmlElement>;
  /** Schematron elements the compiler does not translate (diagnostics, properties…). */
  ignored: XmlElement[];
}

const IGNORED_SCHEMA_CHILDREN = new Set(['diagnostics', 'properties']);
const DOCUMENTATION = new Set(['title', 'p']);

export function collectSchema(schema: XmlElement): SchemaParts {
  const parts: SchemaParts = {
    title: '',
    defaultPhase: schema.attrs.defaultPhase,
    namespaces: new Map(),
    lets: [],
    phases: new Map(),
    patterns: [],
    abstractPatterns: new Map(),
    abstractRules: new Map(),
    ignored: [],
  };
  for (const child of sch(schema)) {
    switch (child.name) {
      case 'title':
        parts.title = textContent(child).replace(/\s+/g, ' ').trim();
        break;
      case 'ns':
        if (child.attrs.prefix !== undefined && child.attrs.uri !== undefined) parts.namespaces.set(child.attrs.prefix, child.attrs.uri);
        break;
      case 'let':
        parts.lets.push(child);
        break;
      case 'phase':
        if (child.attrs.id) parts.phases.set(child.attrs.id, child);
        break;
      case 'pattern':
        if (child.attrs.abstract === 'true') {
          if (child.attrs.id) parts.abstractPatterns.set(child.attrs.id, child);
        } else parts.patterns.push(child);
        break;
      default:
        if (!DOCUMENTATION.has(child.name) || IGNORED_SCHEMA_CHILDREN.has(child.name)) parts.ignored.push(child);
    }
  }
  for (const pattern of [...parts.patterns, ...parts.abstractPatterns.values()]) {
    for (const rule of sch(pattern, 'rule')) {
      if (rule.attrs.abstract === 'true' && rule.attrs.id) parts.abstractRules.set(rule.attrs.id, rule);
    }
  }
  return parts;
}

/** Schematron-namespace children (optionally of one name). */
export function sch(element: XmlElement, name?: string): XmlElement[] {
  return childElements(element).filter((child) => child.uri === SCHEMATRON_NS && (name === undefined || child.name === name));
}
