// Known failures of a run (exit code 2). They carry a message code and arguments, never wording:
// the CLI renders them in the user's language as one short paragraph, without a stack trace.
import type { MessageArgs } from './messages/index.js';

export class SegurError extends Error {
  readonly code: string;
  readonly args: MessageArgs;

  constructor(code: string, args: MessageArgs = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'SegurError';
    this.code = code;
    this.args = args;
  }
}

export function isSegurError(error: unknown): error is SegurError {
  return error instanceof SegurError;
}

/**
 * Short reason for a Node.js file-system error, without the path (messages name the file themselves):
 * the errno code (`ENOENT`), which formatMessage words in the run's language (`io/errno.<code>` in the
 * catalogs) when it fills a `{reason}` or `{detail}` placeholder; an error without a code gives its
 * own text. Words are never chosen here: a SegurError is built before the language is known to it.
 */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
