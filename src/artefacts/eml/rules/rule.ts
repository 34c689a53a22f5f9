// The contract of a message rule (one module per rule, registered in index.ts): what an MSSanté
// message must be, by RFC 5322/2045 and the ANS « Référentiel socle MSSanté #2 — Clients de
// messageries sécurisées de santé » (requirement ids ECO.x.y.z in each description).
import type { Severity } from '../../../engine/finding.js';
import type { ArtefactFinding } from '../../types.js';
import type { EmlFacts } from '../facts.js';

export interface EmlRule {
  /** Stable code, also the message key (`eml/date-format`). */
  code: string;
  severity: Severity;
  /** French, one line: what the rule asks, and its source. */
  description: string;
  check(facts: EmlFacts): ArtefactFinding[];
}

/** A finding of `rule` located at a header name (`X-MSS-INS`), a part (`partie 1.2`) or an attachment. */
export function found(rule: Pick<EmlRule, 'code' | 'severity'>, args: ArtefactFinding['args'], location?: string): ArtefactFinding {
  return { rule: rule.code, severity: rule.severity, args, ...(location !== undefined ? { location } : {}) };
}

/** The canonical spelling of a header for locations and messages (`x-mss-ins` → `X-MSS-INS`). */
export function headerName(key: string): string {
  if (key.startsWith('x-mss-')) return key.toUpperCase();
  if (key === 'message-id') return 'Message-ID';
  return key.replace(/(^|-)([a-z])/g, (_whole, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The trimmed values of every instance of a header, split at commas (multi-valued headers). */
export function headerValues(facts: EmlFacts, key: string): string[] {
  return facts
    .fields(key)
    .flatMap((field) => field.raw.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** A 13-character INS body and key inside `text` (patient mailbox local parts). */
const INS_RUN = /(?:[1278]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2})/i;

/**
 * `text` cut around the first INS-shaped run, so that messages pass the INS in the `ins` argument
 * (masked unless --reveal-identifiers) and the rest as `before`/`after`: `{before}{ins}{after}`.
 */
export function identifierSplit(text: string): { before: string; ins: string; after: string } {
  const match = INS_RUN.exec(text);
  if (!match) return { before: text, ins: '', after: '' };
  return { before: text.slice(0, match.index), ins: match[0], after: text.slice(match.index + match[0].length) };
}
