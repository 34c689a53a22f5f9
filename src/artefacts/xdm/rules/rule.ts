// The contract of an XDM document-entry rule (one module per rule, registered in index.ts): what one
// XDS document entry must state about its file and its CDA (artefact-rules.md section 3), and the
// small vocabulary rules use to report a value compared to what is expected.
import type { Severity } from '../../../engine/finding.js';
import type { ArtefactFinding, PatientIdentity } from '../../types.js';
import { pathOf } from '../../xml/node.js';
import { ABSENT } from '../../cda/rules/rule.js';
import type { CdaFacts } from '../cda-facts.js';
import type { XdsObject } from '../metadata.js';

export { ABSENT };

/** One document entry of METADATA.XML with what it is checked against. */
export interface XdmEntryFacts {
  /** Archive name of METADATA.XML: prefix of every location. */
  metadataName: string;
  entry: XdsObject;
  /** The file its URI slot names, read from the archive with its SHA-1 and length. */
  file: XdmFile;
  /** The header values when the file is a CDA; rules comparing with the CDA skip otherwise. */
  cda?: CdaFacts;
  /** The CDA's (first) INS. */
  identity?: PatientIdentity;
}

/** One archive entry read into memory (validator.ts), with what XDS metadata states about files. */
export interface XdmFile {
  /** Archive name, `/`-separated. */
  name: string;
  /** Lower-case hex, as XDS writes the `hash` slot. */
  sha1: string;
  /** Bytes. */
  size: number;
}

export interface XdmEntryRule {
  /** Stable code, also the message key (`xdm/hash`). */
  code: string;
  severity: Severity;
  /** French, one line: what the rule asks. */
  description: string;
  check(facts: XdmEntryFacts): ArtefactFinding[];
}

/** Collects findings for one rule, located in METADATA.XML (`IHE_XDM/SUBSET01/METADATA.XML:/…/Slot[@name='hash']`). */
export class EntryReport {
  readonly findings: ArtefactFinding[] = [];

  constructor(
    private readonly rule: Pick<XdmEntryRule, 'code' | 'severity'>,
    private readonly metadataName: string,
  ) {}

  /** `element` is a step below `object` (`Slot[@name='hash']`), or empty for the object itself. */
  add(object: XdsObject, element: string, args: ArtefactFinding['args']): void {
    const path = pathOf(object.node) + (element ? `/${element}` : '');
    this.findings.push({ rule: this.rule.code, severity: this.rule.severity, args, location: `${this.metadataName}:${path}` });
  }

  /** A finding `{element, expected, found}` unless `found` is accepted (by default: equal to `expected`). */
  compare(object: XdsObject, element: string, expected: string | undefined, found: string | undefined, accept = (value: string) => value === expected): void {
    if (expected === undefined) return;
    if (found !== undefined && accept(found)) return;
    this.add(object, element, { element: elementName(element), expected, found: found ?? ABSENT });
  }
}

export function slotValue(object: XdsObject, name: string): string | undefined {
  return object.slots.get(name)?.[0];
}

/** XDS may state a time with less precision than the CDA (`20240115` for `20240115093000`). */
export function sameInstant(expected: string | undefined): (found: string) => boolean {
  return (found) => expected !== undefined && /^\d{8,14}$/.test(found) && expected.startsWith(found);
}

/** `Slot[@name='hash']` → `hash`, `ExternalIdentifier[uniqueId]` → `uniqueId`. */
function elementName(step: string): string {
  return /\[@name='([^']+)'\]/.exec(step)?.[1] ?? /\[([A-Za-z.]+)\]/.exec(step)?.[1] ?? step;
}
