// Runs tasks in worker threads with a heap cap (`resourceLimits`) and a time budget each, `jobs` at
// a time; a worker is reused for the next task while it behaves. A task whose worker runs out of
// memory, crashes, exits or overruns its budget settles as a failure (the worker is terminated and
// replaced): one hostile input never takes the other tasks, or the process, down with it.
import { Worker } from 'node:worker_threads';

export interface IsolationLimits {
  /** V8 old-generation cap per worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  /** Wall-clock budget per task, in milliseconds. */
  timeoutMs: number;
}

export type IsolationFailure = { kind: 'out-of-memory' } | { kind: 'timeout' } | { kind: 'crashed'; detail: string };

export type Isolated<R> = { ok: true; value: R } | { ok: false; failure: IsolationFailure };

export interface IsolationOptions<T, R> {
  /** Worker module: answers each task message with exactly one message (its result). */
  script: string | URL;
  jobs: number;
  limits: IsolationLimits;
  /** Awaited before the worker takes its next task (so results never pile up in memory). */
  onSettled: (index: number, outcome: Isolated<R>) => Promise<void> | void;
  /** Awaited just before a task is sent (e.g. to make the folder it works in). */
  prepare?: (task: T) => Promise<void>;
}

export async function runIsolated<T, R>(tasks: readonly T[], options: IsolationOptions<T, R>): Promise<void> {
  let next = 0;
  const slot = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < tasks.length) {
        const index = next++;
        worker ??= startWorker(options.script, options.limits);
        await options.prepare?.(tasks[index]!);
        const outcome = await runOne<R>(worker, tasks[index], options.limits.timeoutMs);
        if (!outcome.ok) {
          await worker.terminate();
          worker = undefined;
        }
        await options.onSettled(index, outcome);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, tasks.length)) }, slot));
}

function startWorker(script: string | URL, limits: IsolationLimits): Worker {
  return new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
}

function runOne<R>(worker: Worker, task: unknown, timeoutMs: number): Promise<Isolated<R>> {
  return new Promise((resolve) => {
    const finish = (outcome: Isolated<R>): void => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (value: R): void => finish({ ok: true, value });
    const onError = (error: Error & { code?: string }): void =>
      finish({ ok: false, failure: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : { kind: 'crashed', detail: error.message } });
    const onExit = (code: number): void => finish({ ok: false, failure: { kind: 'crashed', detail: `exit ${code}` } });
    const timer = setTimeout(() => finish({ ok: false, failure: { kind: 'timeout' } }), timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}
