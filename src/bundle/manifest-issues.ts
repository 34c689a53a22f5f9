// Turns the first zod issue of a manifest into one French message naming file, line, column and
// field (exit 2: a manifest the run cannot use). Issues are sorted by position so the editor fixes
// the manifest from top to bottom.
import type { z } from 'zod';
import { SegurError } from '../errors.js';
import type { MessageArgs } from '../messages/index.js';
import type { ManifestPath, ManifestPositions } from './manifest-positions.js';
import { closestId } from './suggest.js';
import { zodIssueArgs } from '../io/zod-issue.js';

type Issue = z.core.$ZodIssue;

export function manifestIssueError(
  issues: readonly Issue[],
  schema: z.ZodType,
  file: string,
  positions: ManifestPositions,
  /** The file's text: a value YAML read as a number or a boolean is quoted back as written. */
  text?: string,
): SegurError {
  const located = issues.map((issue) => ({ issue, ...issuePlace(issue, positions) }));
  located.sort((a, b) => a.line - b.line || a.column - b.column);
  const first = located[0]!;
  const base: MessageArgs = { file, line: first.line, column: first.column, field: fieldName(pathOf(first.issue)) };
  const written = text === undefined ? undefined : writtenScalar(first.issue, text, first);
  if (written !== undefined) return new SegurError('manifest/expected-text-quote', { ...base, written });
  const { code, args } = describeIssue(first.issue, schema);
  return new SegurError(code, { ...base, ...args });
}

/**
 * `version: 1.0` is read by YAML as the number 1: where a text is expected and a number or a
 * boolean was read, the value as written on its line (up to a comment), to be quoted back.
 */
function writtenScalar(issue: Issue, text: string, at: { line: number; column: number }): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string' || !['number', 'boolean'].includes(typeof issue.input)) return undefined;
  const line = text.split('\n', at.line)[at.line - 1] ?? '';
  const written = line.slice(at.column - 1).replace(/\s+#.*$/, '').replace(/[\s,\]}]+$/, '').trim();
  return /^[^\s"'\[{,]+$/.test(written) ? written : undefined;
}

function issuePlace(issue: Issue, positions: ManifestPositions): { line: number; column: number } {
  const path = pathOf(issue);
  const at =
    issue.code === 'unrecognized_keys' ? positions.keyAt([...path, issue.keys[0]!]) : positions.valueAt(path);
  return at ?? { line: 1, column: 1 };
}

function describeIssue(issue: Issue, schema: z.ZodType): { code: string; args: MessageArgs } {
  const path = pathOf(issue);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path);
      const suggestion = closestId(issue.keys[0]!, allowed);
      return {
        code: suggestion ? 'manifest/unknown-key-suggestion' : 'manifest/unknown-key',
        args: { key: shownKeys(issue.keys), allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) },
      };
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        return {
          code: 'manifest/missing-field',
          args: { key: String(path.at(-1) ?? ''), field: fieldName(path.slice(0, -1)) },
        };
      }
      const expected = EXPECTED_CODES[issue.expected] ?? 'manifest/wrong-type';
      return { code: expected, args: { expected: issue.expected } };
    }
    case 'invalid_value':
      return {
        code: 'manifest/bad-value',
        args: { value: shownValue(valueAt(issue)), allowed: issue.values.map(String).join(', ') },
      };
    case 'invalid_format':
      return { code: 'manifest/bad-sha256', args: {} };
    case 'too_small':
      return { code: 'manifest/empty-value', args: {} };
    case 'invalid_union':
      // The unions of our schemas: a name or a list of names (manifest `profile`, configuration `format`).
      return { code: path.length === 1 && path[0] === 'profile' ? 'manifest/bad-profile' : 'manifest/expected-text-or-list', args: {} };
    default:
      return { code: 'manifest/invalid', args: zodIssueArgs(issue) };
  }
}

/** zod's type names (English) → our messages; `manifest/wrong-type` only for a type no file of ours uses. */
const EXPECTED_CODES: Record<string, string> = {
  string: 'manifest/expected-text',
  object: 'manifest/expected-mapping',
  record: 'manifest/expected-mapping',
  array: 'manifest/expected-list',
  number: 'manifest/expected-number',
  boolean: 'manifest/expected-boolean',
};

/** Unknown keys named in a message: the first few, then how many more (90,000 made a 700,000-character message). */
const KEYS_SHOWN = 10;

function shownKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, KEYS_SHOWN).join(', ');
  return keys.length > KEYS_SHOWN ? `${shown}… (+${keys.length - KEYS_SHOWN})` : shown;
}

/** A value as the user wrote it, roughly: a list in brackets (not `String([x])`, which reads `x`). */
function shownValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shownValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') return '{…}';
  return String(value);
}

function pathOf(issue: Issue): ManifestPath {
  return issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

function valueAt(issue: Issue): unknown {
  return 'input' in issue ? issue.input : '';
}

export function fieldName(path: ManifestPath): string {
  return path.length === 0 ? '(racine)' : path.map(String).join(' › ');
}

/** Keys an object of the schema accepts at `path` (records and lists are walked through). */
export function allowedKeysAt(schema: z.ZodType, path: ManifestPath): string[] {
  let current: unknown = schema;
  for (let index = 0; index <= path.length; index += 1) {
    current = unwrap(current);
    const def = (current as { def?: Record<string, unknown> } | undefined)?.def;
    if (!def) return [];
    if (index === path.length) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    const segment = path[index]!;
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && (current.def.type === 'optional' || current.def.type === 'nullable' || current.def.type === 'default')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
