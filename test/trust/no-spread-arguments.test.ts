// One kind of fault across every reader and writer: a list spread as call arguments (`out.push(...lines)`,
// `Math.max(...sizes)`) throws « Maximum call stack size exceeded » past ≈120,000 items — seen on a
// `validate` folder of 200,000 files, a requirement with 200,000 findings, a catalog's 2,000,000-item
// list. Input-sized lists are appended with `appendAll` (src/util/append.ts) or folded with a loop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';
import { sourceFiles, withoutComments } from '../helpers/source-files.js';

const SPREAD_ARGUMENTS = /\.(?:push|unshift)\(\s*\.\.\.|Math\.(?:max|min)\(\s*\.\.\.|String\.from(?:Char|Code)(?:Code|Point)?\(\s*\.\.\./g;

/** Spreads over lists bounded by the code itself, not by an input. */
const ALLOWED = [
  { file: 'src/bundle/paths.ts', code: 'pending.unshift(...relativeSegments(', why: 'segments of one link target (a path, at most 64 links followed)' },
  { file: 'src/report/formats/tty.ts', code: "Math.max(...(['conforme', 'non-conforme', 'incomplet', 'non-applicable']", why: 'the four verdict labels' },
];

function spreads(file: string): string[] {
  const source = readFileSync(join(projectRoot, file), 'utf8');
  const code = withoutComments(source);
  return [...code.matchAll(SPREAD_ARGUMENTS)].map((match) => {
    const line = code.slice(0, match.index).split('\n').length;
    return `${file}:${line}: ${source.split('\n')[line - 1]!.trim()}`;
  });
}

describe('no list spread as call arguments in src/', () => {
  const hits = sourceFiles(join(projectRoot, 'src')).flatMap(spreads);

  it('finds none outside the allow-list', () => {
    expect(hits.filter((hit) => !ALLOWED.some((entry) => hit.startsWith(`${entry.file}:`) && hit.includes(entry.code)))).toEqual([]);
  });

  it('keeps the allow-list true: each entry still matches one place', () => {
    for (const entry of ALLOWED) expect(hits.filter((hit) => hit.startsWith(`${entry.file}:`) && hit.includes(entry.code)), entry.why).toHaveLength(1);
  });

  it.each(['out.push(...lines)', 'target.unshift( ...items)', 'Math.max(...sizes)', 'String.fromCharCode(...codes)', 'String.fromCodePoint(...points)'])('recognises %s', (text) => {
    expect(text.match(SPREAD_ARGUMENTS)).toHaveLength(1);
  });
});
