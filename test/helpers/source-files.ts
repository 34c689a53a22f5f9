// The project's own TypeScript sources, for the tests that read them as text (lint-like checks of a
// kind of fault across every reader and writer).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './cli.js';

/** Project-relative paths of the .ts files under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
    .sort();
}

/** Comments blanked (their line breaks kept) so that a comment naming a call is not a call. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"\\])\/\/[^\n]*/g, (comment, lead: string | undefined) =>
    (lead ?? '') + comment.slice((lead ?? '').length).replace(/[^\n]/g, ' '),
  );
}
