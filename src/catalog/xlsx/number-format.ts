// Which cell styles display a date: Excel stores dates as day numbers and only the number format says
// so. Built-in date formats have fixed ids; custom ones are recognised by their date/time tokens.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numFmtId)) return true;
  if (formatCode === undefined) return false;
  // Drop quoted literals, escaped characters and [colour]/[$-locale] sections before looking for tokens.
  const bare = formatCode.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhsDMYHS]/.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Day number (1900 or 1904 system) → `YYYY-MM-DD`, plus `THH:MM:SS` when there is a time part. */
export function excelDateToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const milliseconds = Math.round(serial * 86_400_000);
  const iso = new Date(epoch + milliseconds).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}
