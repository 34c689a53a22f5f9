// Syntax of the RFC 5322 fields the validator checks beside addresses: `Date` (§3.3 date-time, with
// the obsolete forms of §4.3 a reader must accept) and `Message-ID` (§3.6.4 msg-id).
import { stripComments } from './header-params.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// [day-of-week ","] day month year hour ":" minute [":" second] zone
const DATE_TIME =
  /^\s*(?:([A-Za-z]{3})\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?\s*([+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Za-ik-z])\s*$/i;

/** Why a `Date` value is not an RFC 5322 date-time; undefined when it is one. */
export function dateProblem(value: string): 'syntax' | 'calendar' | 'day-of-week' | undefined {
  const match = DATE_TIME.exec(stripComments(value));
  if (!match) return 'syntax';
  const [, weekday, day, monthName, yearText, hour, minute, second, zone] = match as unknown as (string | undefined)[];
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month < 0 || (weekday !== undefined && !DAYS.includes(weekday.toLowerCase()))) return 'syntax';
  // §4.3: a 2-digit year is 1950-2049, a 3-digit one is 1900 + year.
  let year = Number(yearText);
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText!.length === 3) year += 1900;
  const date = new Date(Date.UTC(year, month, Number(day)));
  const zoneMinutes = zone!.length === 5 ? Number(zone!.slice(3)) : 0;
  if (date.getUTCMonth() !== month || Number(day) < 1 || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60 || zoneMinutes > 59) return 'calendar';
  if (weekday !== undefined && DAYS[date.getUTCDay()] !== weekday.toLowerCase()) return 'day-of-week';
  return undefined;
}

const DOT_ATOM_TEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+(?:\\.[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+)*";
const MSG_ID = new RegExp(`^\\s*<${DOT_ATOM_TEXT}@(?:${DOT_ATOM_TEXT}|\\[[!-Z^-~]*\\])>\\s*$`);

/** `<id-left@id-right>`. */
export function isMessageId(value: string): boolean {
  return MSG_ID.test(stripComments(value));
}
