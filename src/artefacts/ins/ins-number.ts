// The INS value: a 13-character body (sex, birth year and month, birthplace, order number) and a
// 2-digit key. Key = 97 − (N mod 97), N the body as a number with Corsica's 2A → 19 and 2B → 18.

export interface InsNumber {
  body: string;
  key: string;
  sexDigit: string;
  year: string;
  month: string;
  /** Department + commune (5 characters): the birthplace's COG code. */
  birthplace: string;
}

const INS_SHAPE = /^([1278])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/** Splits a 15-character INS; undefined when its shape is wrong (see `insFormatProblem`). */
export function parseInsNumber(value: string): InsNumber | undefined {
  const match = INS_SHAPE.exec(value);
  if (!match) return undefined;
  const [, sexDigit, year, month, department, commune, , key] = match as unknown as string[];
  if (!isValidMonth(month!) || department === '00') return undefined;
  return {
    body: value.slice(0, 13),
    key: key!,
    sexDigit: sexDigit!,
    year: year!,
    month: month!,
    birthplace: department! + commune!,
  };
}

/** Months 01–12, plus 20–42 and 50–99 used for incomplete civil records. */
function isValidMonth(month: string): boolean {
  const value = Number(month);
  return (value >= 1 && value <= 12) || (value >= 20 && value <= 42) || (value >= 50 && value <= 99);
}

export function isRealMonth(month: string): boolean {
  const value = Number(month);
  return value >= 1 && value <= 12;
}

export function insKey(body: string): string {
  const numeric = body.replace('2A', '19').replace('2B', '18');
  const key = 97n - (BigInt(numeric) % 97n);
  return key.toString().padStart(2, '0');
}

/** NIA (waiting numbers) start with 7 or 8; NIR with 1 or 2. */
export function isNiaBody(body: string): boolean {
  return body.startsWith('7') || body.startsWith('8');
}

/** `M`/`F` implied by a NIR's first digit (none for a NIA). */
export function sexOfBody(body: string): 'M' | 'F' | undefined {
  if (body.startsWith('1')) return 'M';
  if (body.startsWith('2')) return 'F';
  return undefined;
}
