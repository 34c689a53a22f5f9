// `segur batch` as one function: every bundle of a folder is checked on its own (a bundle that
// cannot be checked is recorded, never stops the others); results come back in folder-name order
// whatever order the checks finish in.
import { availableParallelism } from 'node:os';
import { isSegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';
import type { ReportContext } from '../report/model.js';
import type { BatchBundle } from './find-bundles.js';

export interface BatchOptions {
  bundles: readonly BatchBundle[];
  jobs?: number;
  rem?: string;
  profiles?: string[];
  strict: boolean;
  lang: Lang;
  revealIdentifiers: boolean;
  date?: string;
  onBundleDone?: (done: number, total: number) => void;
}

export type BatchEntry =
  | { bundle: BatchBundle; status: 'pass' | 'fail'; context: ReportContext }
  | { bundle: BatchBundle; status: 'error'; error: { code: string; message: string } };

export interface BatchOutcome {
  entries: BatchEntry[];
  /** True when every bundle was checked and passed its gate. */
  passed: boolean;
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const { bundles } = options;
  const { checkBundle } = await import('../engine/check.js');
  let done = 0;
  const entries = await mapWithConcurrency(bundles, options.jobs ?? defaultJobs(), async (bundle): Promise<BatchEntry> => {
    try {
      const outcome = await checkBundle({
        bundleDir: bundle.dir,
        rem: options.rem,
        profiles: options.profiles,
        strict: options.strict,
        lang: options.lang,
        revealIdentifiers: options.revealIdentifiers,
        date: options.date,
      });
      return { bundle, status: outcome.gatePassed ? 'pass' : 'fail', context: outcome.context };
    } catch (error) {
      return { bundle, status: 'error', error: describeFailure(error, options.lang) };
    } finally {
      options.onBundleDone?.(++done, bundles.length);
    }
  });
  return { entries, passed: entries.every((entry) => entry.status === 'pass') };
}

function describeFailure(error: unknown, lang: Lang): { code: string; message: string } {
  if (isSegurError(error)) return { code: error.code, message: formatMessage(error.code, error.args, { lang }) };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'cli/internal', message: formatMessage('cli/internal', { detail }, { lang }) };
}

/** Like `Promise.all(items.map(work))` with at most `limit` calls running at once; results in input order. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(runners);
  return results;
}
