// One kind of fault across every reader and writer: a list spread as call arguments (`out.push(...lines)`,
// `out.push('', ...lines)`, `Math.max(...sizes)`) throws « Maximum call stack size exceeded » past
// ≈120,000 items — seen on a `validate` folder of 200,000 files, a requirement with 200,000 findings,
// a catalog's 2,000,000-item list. Input-sized lists are appended with `appendAll` (src/util/append.ts)
// or folded with a loop. Read on the TypeScript syntax tree: an object spread (`{ ...finding }`) is
// no argument spread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';
import { sourceFiles } from '../helpers/source-files.js';

/** Calls whose spread arguments are each passed on the stack: array methods and variadic built-ins. */
const SPREAD_SENSITIVE = /(?:^|\.)(?:push|unshift|splice|concat|max|min|fromCharCode|fromCodePoint|apply)$/;

/** Spreads over lists bounded by the code itself, not by an input. */
const ALLOWED = [
  { file: 'src/bundle/paths.ts', code: 'pending.unshift(...relativeSegments(', why: 'segments of one link target (a path, at most 64 links followed)' },
  { file: 'src/report/formats/tty.ts', code: "Math.max(...(['conforme', 'non-conforme', 'incomplet', 'non-applicable']", why: 'the four verdict labels' },
  { file: 'src/report/render/html-chart.ts', code: 'Math.max(1, ...VERDICTS.map(', why: 'the four verdicts' },
];

/** `file:line: text` of each call of SPREAD_SENSITIVE with a spread argument. */
function spreadCalls(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && SPREAD_SENSITIVE.test(node.expression.getText(tree)) && node.arguments.some(ts.isSpreadElement)) {
      const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree));
      found.push(`${file}:${line + 1}: ${source.split('\n')[line]!.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('no list spread as call arguments in src/', () => {
  const hits = sourceFiles(join(projectRoot, 'src')).flatMap((file) => spreadCalls(file, readFileSync(join(projectRoot, file), 'utf8')));
  const allowed = (hit: string) => ALLOWED.some((entry) => hit.startsWith(`${entry.file}:`) && hit.includes(entry.code));

  it('finds none outside the allow-list', () => {
    expect(hits.filter((hit) => !allowed(hit))).toEqual([]);
  });

  it('keeps the allow-list true: each entry still matches one place', () => {
    for (const entry of ALLOWED) {
      expect(hits.filter((hit) => hit.startsWith(`${entry.file}:`) && hit.includes(entry.code)), entry.why).toHaveLength(1);
    }
  });

  it.each([
    ['out.push(...lines)', 1],
    ["out.push('', ...lines)", 1],
    ['target.unshift( ...items)', 1],
    ['Math.max(...sizes)', 1],
    ['String.fromCharCode(...codes)', 1],
    ['out.push({ ...finding, line: 1 })', 0],
    ['appendAll(out, [...lines])', 0],
  ])('reads %s as %i spread call', (text, count) => {
    expect(spreadCalls('x.ts', text)).toHaveLength(count);
  });
});
