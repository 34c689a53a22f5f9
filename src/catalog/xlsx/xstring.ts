// OOXML string cells escape characters XML cannot carry as `_xHHHH_` (ST_Xstring): Excel and Apache
// POI (behind Squash TM exports) write a carriage return as `_x000D_`; a literal `_x` is `_x005F_x`.
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXString(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
