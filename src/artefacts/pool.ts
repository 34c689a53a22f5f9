// A worker_threads pool sized to the cores: each worker takes the next batch of inputs as soon as
// it is free (batches, because one message per small file costs more than validating it), and
// results land at their input's index (order never depends on timing).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArtefactInput, ArtefactResult } from './types.js';

const MAX_BATCH = 64;

const workerScript = fileURLToPath(new URL('./worker.js', import.meta.url));

/** Workers exist only in the built package (dist/); from sources the caller validates inline. */
export function poolAvailable(): boolean {
  return existsSync(workerScript);
}

export function poolSize(inputCount: number, minPerWorker: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(inputCount / minPerWorker)));
}

const YOUNG_GENERATION_MB = 8;

export async function validateInPool(inputs: readonly ArtefactInput[], size: number): Promise<ArtefactResult[]> {
  const results: ArtefactResult[] = new Array(inputs.length);
  // About eight batches per worker balances the load without paying per-file messages. With CI-SIS
  // volets, two larger batches per worker: documents of one volet sit together (inputs are in path
  // order), and each worker compiles a volet's XPath expressions once instead of both doing it.
  const perWorker = inputs.some((input) => input.cisis) ? 2 : 8;
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(inputs.length / (size * perWorker))));
  let next = 0;
  // A worker's young generation capped at 8 MB: documents are parsed and dropped one after another,
  // short-lived garbage; the default lets each worker hold tens of MB more for no measurable speed
  // (10,000 small CDAs: ≈ 277 MB peak instead of ≈ 300, same time; bench/validate.mjs).
  const workers = Array.from({ length: size }, () => new Worker(workerScript, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= inputs.length) return resolve();
              const start = next;
              next = Math.min(inputs.length, next + batch);
              worker.postMessage({ start, inputs: inputs.slice(start, next) });
            };
            worker.on('message', (message: { start: number; results: ArtefactResult[] }) => {
              message.results.forEach((result, offset) => {
                results[message.start + offset] = result;
              });
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
