// The yaml library explains its errors in English: its error codes are mapped to our own wording
// (src/messages/{fr,en}/io.ts, `yaml/…` keys); the library's text stays only as the fallback for a
// code we do not know (a newer yaml version).
import type { MessageArgs } from '../messages/index.js';

const KNOWN_CODES = new Set([
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_DIRECTIVE',
  'BAD_DQ_ESCAPE',
  'BAD_INDENT',
  'BAD_PROP_ORDER',
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED',
  'UNEXPECTED_TOKEN',
  'BAD_COLLECTION_TYPE',
]);

/**
 * `{ detail, detailCode }` for a message's `{detail}` placeholder: `detailCode` names our wording
 * (`yaml/bad-indent`), `detail` keeps the library's first line as the fallback.
 */
export function yamlErrorArgs(error: unknown, source?: { text: string; offset: number }): MessageArgs {
  const message = error instanceof Error ? error.message : String(error);
  const detail = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const code = (error as { code?: unknown }).code;
  // The commonest French slip: « justification: Le module : non commercialisé. » — a second « : »
  // in an unquoted text reads as a key. The library then says « a block cannot be a key »; the fix
  // is quoting the value.
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && source && COLON_IN_PLAIN_VALUE.test(lineAt(source.text, source.offset))) return { detail, detailCode: 'yaml/colon-in-value' };
  // BAD_INDENT also stands for an unclosed `[` or `{` ("Flow sequence/map … must … end with a ]"):
  // the likely fix is the missing bracket, not the alignment of keys.
  if (code === 'BAD_INDENT' && /^Flow (?:sequence|map)\b/.test(detail)) return { detail, detailCode: 'yaml/unclosed-flow' };
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { detail, detailCode: `yaml/${code.toLowerCase().replace(/_/g, '-')}` };
  // Thrown while expanding aliases (document.toJS with maxAliasCount), without a code.
  if (/alias count/i.test(message)) return { detail, detailCode: 'yaml/resource-exhaustion' };
  return { detail };
}

/** `key: text : more` — an unquoted value holding « : » followed by a blank (or ending the line). */
const COLON_IN_PLAIN_VALUE = /^\s*(?:-\s+)?[^\s#'"?-][^:#]*:\s+[^\s'"|>[{&*!#][^#]*?:(?:\s|$)/;

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}
