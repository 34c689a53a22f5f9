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
  return `${header}${emitMap(catalog as unknown as Record<string, Value>, 0).join('\n')}\n`;
}

function emitMap(map: { readonly [key: string]: Value | undefined }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${pad}${key}: []`);
      else lines.push(`${pad}${key}:`, ...value.flatMap((item: Value) => emitListItem(item, indent + 2)));
    } else if (value !== null && typeof value === 'object') {
      const inner = emitMap(value as Record<string, Value>, indent + 2);
      lines.push(...(inner.length === 0 ? [`${pad}${key}: {}`] : [`${pad}${key}:`, ...inner]));
    } else {
      const [first, ...rest] = emitScalar(value as string | number | boolean | null, indent + 2);
      lines.push(`${pad}${key}: ${first}`, ...rest);
    }
  }
  return lines;
}

function emitListItem(item: Value, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const inner = emitMap(item as Record<string, Value>, indent + 2);
    if (inner.length === 0) return [`${pad}- {}`];
    return [`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1)];
  }
  if (Array.isArray(item)) throw new Error('catalog YAML: nested lists are not part of the model');
  const [first, ...rest] = emitScalar(item as string | number | boolean | null, indent + 2);
  return [`${pad}- ${first}`, ...rest];
}

/** One scalar; a multi-line string becomes a block literal whose lines are indented by `indent`. */
function emitScalar(value: string | number | boolean | null, indent: number): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'boolean' || typeof value === 'number') return [String(value)];
  if (isPlainSafe(value)) return [value];
  if (isBlockLiteralSafe(value)) {
    const pad = ' '.repeat(indent);
    return ['|-', ...value.split('\n').map((line) => (line === '' ? '' : pad + line))];
  }
  return [JSON.stringify(value)];
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
