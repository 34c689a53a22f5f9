// Value formats shared by the artefact checks (HL7 datatypes as the CI-SIS constrains them, ISO dates).

const OID = /^[0-2](\.(0|[1-9]\d*))*$/;
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export function isOid(value: string): boolean {
  return OID.test(value);
}

export function isOidOrUuid(value: string): boolean {
  return OID.test(value) || UUID.test(value);
}

const TS = /^(?:[0-9]{1,8}|(?:[0-9]{9,14}|[0-9]{14}\.[0-9]+)(?:[+-][0-9]{1,4})?)$/;

/** HL7 TS (`YYYYMMDDHHMMSS.fff+ZZZZ`, truncatable) and a real calendar date/time. */
export function isValidTimestamp(value: string): boolean {
  if (!TS.test(value)) return false;
  const digits = value.split(/[+.-]/)[0]!;
  const year = Number(digits.slice(0, 4));
  if (digits.length < 4) return digits.length > 0;
  if (digits.length >= 6) {
    const month = Number(digits.slice(4, 6));
    if (month < 1 || month > 12) return false;
    if (digits.length >= 8) {
      const day = Number(digits.slice(6, 8));
      if (day < 1 || day > daysInMonth(year, month)) return false;
    }
  }
  if (digits.length >= 10 && Number(digits.slice(8, 10)) > 23) return false;
  if (digits.length >= 12 && Number(digits.slice(10, 12)) > 59) return false;
  if (digits.length >= 14 && Number(digits.slice(12, 14)) > 59) return false;
  return true;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` naming a real day. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}
