// A finding is data: a rule code, a severity, message arguments and where it applies.
// Wording comes from the message catalog (src/messages) when a report is rendered.
import type { MessageArgs } from '../messages/index.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable code, e.g. `coverage/missing-proof`, `cda/realm-code`, `ins/key`. Also the message key. */
  rule: string;
  /** Message catalog key when it is not the rule code (codes built from data: `cisis/<volet>/<pattern>`). */
  messageKey?: string;
  severity: Severity;
  args: MessageArgs;
  requirement?: string;
  proof?: string;
  /** Bundle-relative path (POSIX separators) of the file concerned. */
  file?: string;
  /** Where inside the file: an XPath-like node path, a sheet cell, or `ligne 12`. */
  location?: string;
  line?: number;
  column?: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: requirement order is decided by the caller; within it by file, location, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.location ?? '', b.location ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.rule, b.rule) ||
    cmp(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
