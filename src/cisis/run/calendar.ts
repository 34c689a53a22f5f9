// `castable as xs:date` / `xs:dateTime` done right (XML Schema 1.1 Part 2 §3.3.7, §3.3.9): the
// lexical form, then the calendar (days per month, leap years, 24:00:00 only as end of day,
// time zones within ±14:00). See compile/calendar-casts.ts for why fontoxpath's is not used.

const DATE = /^(-?(?:[1-9]\d{3,}|0\d{3}))-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(-?(?:[1-9]\d{3,}|0\d{3}))-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;

/** `type`: `date` or `dateTime`, `?` appended when the empty sequence is castable. */
export function castableCalendar(value: unknown, type: string): boolean {
  const optional = type.endsWith('?');
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return optional;
  const text = String(Array.isArray(value) ? value[0] : value).trim();
  const base = optional ? type.slice(0, -1) : type;
  const match = (base === 'date' ? DATE : DATE_TIME).exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const zone = base === 'date' ? match[4] : match[7];
  if (zone && zone !== 'Z' && !validZone(zone)) return false;
  if (base === 'dateTime') {
    const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
    if (hour === 24) return minute === 0 && second === 0;
    return hour <= 23 && minute <= 59 && second < 60;
  }
  return true;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validZone(zone: string): boolean {
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  return minutes <= 59 && (hours < 14 || (hours === 14 && minutes === 0));
}
