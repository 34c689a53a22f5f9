// The contract of a CDA header rule (one module per rule, registered in index.ts) and the small
// vocabulary rules use to report: counts (`1`, `0..1`, `1..*`) and values compared to what is expected.
import type { Severity } from '../../../engine/finding.js';
import type { ArtefactFinding } from '../../types.js';
import { pathOf, type XmlNode } from '../../xml/node.js';
import type { CdaDocument } from '../document.js';

export interface CdaRule {
  /** Stable code, also the message key (`cda/realm-code`). */
  code: string;
  severity: Severity;
  /** French, one line: what the rule asks (artefact-rules.md section 1). */
  description: string;
  check(document: CdaDocument): ArtefactFinding[];
}

/** Shown for a missing value (language-neutral). */
export const ABSENT = '∅';

/** Collects findings for one rule with its code and default severity. */
export class RuleReport {
  readonly findings: ArtefactFinding[] = [];

  constructor(private readonly rule: Pick<CdaRule, 'code' | 'severity'>) {}

  /** A finding at `node` (or at a path below the nearest existing node): `element` expected `expected`, found `found`. */
  add(at: XmlNode, element: string, expected: string, found: string, severity: Severity = this.rule.severity): void {
    const location = element ? `${pathOf(at)}/${element}` : pathOf(at);
    this.findings.push({
      rule: this.rule.code,
      severity,
      args: { element: element ? `${at.name}/${element}` : at.name, expected, found },
      location,
      line: at.line,
    });
  }

  /** Checks how many `name` children `parent` has; returns them. */
  count(parent: XmlNode, name: string, min: number, max: number | '*'): XmlNode[] {
    const found = parent.children.filter((child) => child.name === name);
    if (found.length < min || (max !== '*' && found.length > max)) {
      this.add(parent, name, multiplicity(min, max), String(found.length));
    }
    return found;
  }

  /** Checks an attribute against a predicate; a missing attribute fails unless `optional`. */
  attribute(
    node: XmlNode,
    name: string,
    accept: (value: string) => boolean,
    expected: string,
    options: { optional?: boolean; severity?: Severity } = {},
  ): string | undefined {
    const value = node.attrs[name];
    if (value === undefined) {
      if (!options.optional) this.add(node, `@${name}`, expected, ABSENT, options.severity);
      return undefined;
    }
    if (!accept(value)) this.add(node, `@${name}`, expected, quote(value), options.severity);
    return value;
  }
}

export function multiplicity(min: number, max: number | '*'): string {
  return min === max ? String(min) : `${min}..${max}`;
}

export function quote(value: string): string {
  return `"${value.length > 80 ? value.slice(0, 77) + '…' : value}"`;
}

export function oneOf(values: readonly string[]): (value: string) => boolean {
  const set = new Set(values);
  return (value) => set.has(value);
}

export function listOf(values: readonly string[]): string {
  return values.join(' | ');
}

/** Elements with `@nullFlavor` stand for "no value": rules that need a value skip or flag them. */
export function isNull(node: XmlNode | undefined): boolean {
  return node?.attrs.nullFlavor !== undefined;
}
