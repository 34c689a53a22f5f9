// Entry point used by `segur check` and `segur validate`: validates artefact files by kind.
// Kinds without a validator yet only get the bundle-level checks (presence, type, hash).
// Many files go to a worker pool sized to the cores; a few are validated inline, as starting
// workers costs more than it saves.
import type { ArtefactInput, ArtefactKind, ArtefactResult } from './types.js';
import { validatorLoaders } from './validators.js';
import { validateInline } from './validate-inline.js';
import { isMainThread } from 'node:worker_threads';
import { poolAvailable, poolSize, validateInPool } from './pool.js';

/** Below this many files per worker, a worker does not pay for its start-up (≈ 0.1 s)… */
const MIN_FILES_PER_WORKER = 64;
/** …nor below this many bytes: the XML scan costs ≈ 40 MB/s per core, whatever the file count. */
const MIN_BYTES_PER_WORKER = 8 * 1024 * 1024;
/** With CI-SIS volet rules a document costs ≈50–100 ms (bench/cisis.mjs): workers pay off sooner. */
const MIN_FILES_PER_WORKER_CISIS = 16;

export function hasValidator(kind: ArtefactKind): boolean {
  return kind in validatorLoaders;
}

/** Results in the order of `inputs`. */
export async function validateArtefacts(inputs: readonly ArtefactInput[]): Promise<ArtefactResult[]> {
  const validatable = inputs.filter((input) => hasValidator(input.kind));
  const bytes = validatable.reduce((total, input) => total + (input.size ?? 0), 0);
  const perWorker = inputs.some((input) => input.cisis) ? MIN_FILES_PER_WORKER_CISIS : MIN_FILES_PER_WORKER;
  const size = Math.max(poolSize(validatable.length, perWorker), poolSize(bytes, MIN_BYTES_PER_WORKER));
  // Inside a worker (segur batch checks one bundle per worker) no pool of its own: the batch already
  // uses the cores, and nested workers would escape its memory cap.
  if (size > 1 && isMainThread && poolAvailable()) return validateInPool(inputs, size);
  const results: ArtefactResult[] = [];
  for (const input of inputs) results.push(await validateInline(input));
  return results;
}
