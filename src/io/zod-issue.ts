// zod explains a schema mismatch in English (`Invalid input: expected string, received number`): each
// issue code is mapped to our own wording (`zod/…` keys, src/messages/{fr,en}/io.ts), for the `{detail}`
// of the messages about catalogs and column maps. zod's text stays as the fallback.
import type { z } from 'zod';
import type { MessageArgs } from '../messages/index.js';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'zod/expected-text',
  number: 'zod/expected-number',
  int: 'zod/expected-number',
  boolean: 'zod/expected-boolean',
  array: 'zod/expected-list',
  object: 'zod/expected-mapping',
  record: 'zod/expected-mapping',
};

/** `{ detail, detailCode, zod… }` for one issue; the path is the caller's to show. */
export function zodIssueArgs(issue: Issue): MessageArgs {
  const detail = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // Without `reportInput`, zod only says in its text that the value was absent.
      return { detail, detailCode: /received undefined$/.test(detail) ? 'zod/missing' : (EXPECTED[issue.expected] ?? 'zod/wrong-type') };
    case 'invalid_value':
      return { detail, detailCode: 'zod/bad-value', zodAllowed: issue.values.map(String).join(', ') };
    case 'too_small':
      return { detail, detailCode: issue.origin === 'number' ? 'zod/too-small' : 'zod/too-short', zodLimit: String(issue.minimum) };
    case 'too_big':
      return { detail, detailCode: issue.origin === 'number' ? 'zod/too-big' : 'zod/too-long', zodLimit: String(issue.maximum) };
    case 'invalid_format':
      return { detail, detailCode: 'zod/bad-format' };
    case 'unrecognized_keys':
      return { detail, detailCode: 'zod/unknown-keys', zodKeys: issue.keys.join(', ') };
    case 'invalid_union':
      return { detail, detailCode: 'zod/bad-union' };
    case 'invalid_key':
      return { detail, detailCode: 'zod/bad-key' };
    default:
      return { detail };
  }
}

/** `requirements › 3 › id`: where the issue is, or `(racine)` / `(root)` by the caller's wording. */
export function zodIssuePath(issue: Issue): string {
  return issue.path.map((segment) => String(segment)).join(' › ');
}
