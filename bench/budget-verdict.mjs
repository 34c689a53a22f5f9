import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';

// The verdict of a hostile input against issue 9's budget (≤ 2 s, ≤ 300 MB, a clean exit 0 or 2 with
// no stack trace), shared by the catalog benches (hostile-catalog.mjs, catalog-budgets.mjs).

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `runs`: [{ wall, cpu (s), rss (MB), status, stderr }]. Returns the last run, the medians, the peak
 * RSS, the verdict text and whether the budget held (wall, or CPU when the machine's load took the wall).
 */
export function budgetVerdict(runs) {
  const last = runs.at(-1);
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const rss = Math.max(...runs.map((r) => r.rss));
  const clean = (last.status === 0 || last.status === 2) && !/\n\s+at |Erreur interne/.test(last.stderr);
  const withinMemory = clean && rss <= 300;
  const verdict = withinMemory && wall <= 2 ? '**tenu**' : withinMemory && cpu <= 2 ? '**tenu (CPU ; temps réel pris par la charge)**' : '**manqué**';
  return { last, wall, cpu, rss, verdict, held: withinMemory && (wall <= 2 || cpu <= 2) };
}

/** Stops unless the CLI is built; empties `tmp` (created); returns the load averages at start, `a / b / c`. */
export function prepareBench(root, tmp) {
  if (!existsSync(`${root}dist/cli/main.js`)) {
    console.error('Build first: npm run build');
    process.exit(1);
  }
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return loadavg().map((value) => value.toFixed(2)).join(' / ');
}
