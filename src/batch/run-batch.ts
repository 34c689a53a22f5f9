// `segur batch` as one function: every bundle of a folder is checked on its own (a bundle that
// cannot be checked is recorded, never stops the others); results come back in folder-name order
// whatever order the checks finish in.
import { availableParallelism } from 'node:os';
import { isSegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';
import type { ReportContext } from '../report/model.js';
import type { CheckOptions } from '../engine/check.js';
import { mapConcurrently } from '../bundle/concurrency.js';
import type { BatchBundle } from './find-bundles.js';

export interface BatchOptions extends Omit<CheckOptions, 'bundleDir' | 'onProgress'> {
  bundles: readonly BatchBundle[];
  jobs?: number;
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
  const { bundles, jobs, onBundleDone, ...checkOptions } = options;
  const { checkBundle } = await import('../engine/check.js');
  let done = 0;
  const entries = await mapConcurrently(bundles, jobs ?? defaultJobs(), async (bundle): Promise<BatchEntry> => {
    try {
      const outcome = await checkBundle({ ...checkOptions, bundleDir: bundle.dir });
      return { bundle, status: outcome.gatePassed ? 'pass' : 'fail', context: outcome.context };
    } catch (error) {
      return { bundle, status: 'error', error: describeFailure(error, options.lang) };
    } finally {
      onBundleDone?.(++done, bundles.length);
    }
  });
  return { entries, passed: entries.every((entry) => entry.status === 'pass') };
}

function describeFailure(error: unknown, lang: Lang): { code: string; message: string } {
  if (isSegurError(error)) return { code: error.code, message: formatMessage(error.code, error.args, { lang }) };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'cli/internal', message: formatMessage('cli/internal', { detail }, { lang }) };
}
