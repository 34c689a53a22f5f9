// Formula injection guard for spreadsheet outputs (xlsx, csv): a cell whose text starts with one of
// these characters could be evaluated by Excel or LibreOffice as a formula (`=HYPERLINK(...)`,
// `@SUM(...)`, DDE payloads). Prefixing an apostrophe makes every spreadsheet show it as plain text.
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function inertText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}
