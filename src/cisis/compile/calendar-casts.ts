// fontoxpath 3.34 accepts impossible calendar dates (`'1979-02-30' castable as xs:date` is true,
// where XML Schema 1.1 Part 2 §3.3.9 and Saxon say false). Structuration minimale tests timestamps
// with `$x castable as xs:dateTime`: those casts are rewritten into segur's `castable-calendar`,
// which checks the lexical form and the calendar in JavaScript (run/calendar.ts).
import { SEGUR_FUNCTIONS_NS } from './value-set-calls.js';

const CAST = /(\$[A-Za-z_][\w.-]*|'[^']*')\s+castable\s+as\s+xs:(date|dateTime)\b(\?)?/g;

export function rewriteCalendarCasts(expression: string): string {
  return expression.replace(CAST, (_whole, operand: string, type: string, optional: string | undefined) => `Q{${SEGUR_FUNCTIONS_NS}}castable-calendar(${operand}, '${type}${optional ?? ''}')`);
}
