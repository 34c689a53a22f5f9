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
export function yamlErrorArgs(error: unknown): MessageArgs {
  const message = error instanceof Error ? error.message : String(error);
  const detail = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const code = (error as { code?: unknown }).code;
  // BAD_INDENT also stands for an unclosed `[` or `{` ("Flow sequence/map … must … end with a ]"):
  // the likely fix is the missing bracket, not the alignment of keys.
  if (code === 'BAD_INDENT' && /^Flow (?:sequence|map)\b/.test(detail)) return { detail, detailCode: 'yaml/unclosed-flow' };
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { detail, detailCode: `yaml/${code.toLowerCase().replace(/_/g, '-')}` };
  // Thrown while expanding aliases (document.toJS with maxAliasCount), without a code.
  if (/alias count/i.test(message)) return { detail, detailCode: 'yaml/resource-exhaustion' };
  return { detail };
}
