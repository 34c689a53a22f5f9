// Catalog → YAML text, written by a small dedicated emitter rather than the yaml library: the catalog
// is a fixed tree of maps, lists and scalars, and the library's document model costs ≈150 ms on a
// 2,000-row REM (a fifth of the import budget). Output is deterministic (model key order), readable
// (plain scalars and block literals, accents as themselves, no line folding), and valid YAML 1.2:
// anything that could be misread (numbers, booleans, dates, `: `, ` #`, leading indicators…) is
// written as a JSON double-quoted string, which YAML reads back exactly.
import type { Catalog } from './schema.js';

type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value | undefined };

export function catalogToYaml(catalog: Catalog): string {
  const header = `# Catalogue REM importé par segur depuis ${oneLine(catalog.source.file)} (feuille « ${oneLine(catalog.source.sheet)} »).\n# Régénérez-le avec « segur catalog import » plutôt que de le modifier à la main.\n`;
  const out: string[] = [];
  emitMap(catalog as unknown as Record<string, Value>, '', out);
  return `${header}${out.join('\n')}\n`;
}

/** Appends the lines of `map`; the first line starts with `firstPrefix` (a list marker) instead of `pad`. */
function emitMap(map: { readonly [key: string]: Value | undefined }, pad: string, out: string[], firstPrefix = pad): void {
  const startLength = out.length;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const prefix = out.length === startLength ? firstPrefix : pad;
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${prefix}${key}: []`);
      else {
        out.push(`${prefix}${key}:`);
        for (const item of value as readonly Value[]) emitListItem(item, `${pad}  `, out);
      }
    } else if (value !== null && typeof value === 'object') {
      out.push(`${prefix}${key}:`);
      const before = out.length;
      emitMap(value as Record<string, Value>, `${pad}  `, out);
      if (out.length === before) out[before - 1] += ' {}';
    } else {
      emitScalar(value as string | number | boolean | null, `${prefix}${key}: `, `${pad}  `, out);
    }
  }
}

function emitListItem(item: Value, pad: string, out: string[]): void {
  if (Array.isArray(item)) throw new Error('catalog YAML: nested lists are not part of the model');
  if (item !== null && typeof item === 'object') {
    const before = out.length;
    emitMap(item as Record<string, Value>, `${pad}  `, out, `${pad}- `);
    if (out.length === before) out.push(`${pad}- {}`);
    return;
  }
  emitScalar(item as string | number | boolean | null, `${pad}- `, `${pad}  `, out);
}

/** One scalar after `lead`; a multi-line string becomes a block literal whose lines start with `pad`. */
function emitScalar(value: string | number | boolean | null, lead: string, pad: string, out: string[]): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') out.push(lead + String(value));
  else if (isPlainSafe(value)) out.push(lead + value);
  else if (isBlockLiteralSafe(value)) {
    out.push(`${lead}|-`);
    for (const line of value.split('\n')) out.push(line === '' ? '' : pad + line);
  } else out.push(lead + JSON.stringify(value));
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|<<|=)$/i;

function isPlainSafe(text: string): boolean {
  if (text === '' || text.trim() !== text || RESERVED.test(text)) return false;
  if (/[\n\r\t]/.test(text) || CONTROL.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/^[-+]?(?:\d|\.\d|\.inf|\.nan)/i.test(text)) return false;
  return !text.includes(': ') && !text.includes(' #') && !text.endsWith(':');
}

function isBlockLiteralSafe(text: string): boolean {
  if (!text.includes('\n') || text.includes('\r') || text.includes('\t') || CONTROL.test(text)) return false;
  const lines = text.split('\n');
  // The first line sets the block's indentation: it must not start with a space; trailing spaces
  // and an ending line break would need chomping indicators: keep those cases double-quoted.
  return !/^\s/.test(lines[0]!) && lines.every((line) => line === line.trimEnd()) && lines.at(-1) !== '';
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
