// Pool worker: validates each batch of inputs it is sent and answers with their results.
import { parentPort } from 'node:worker_threads';
import type { ArtefactInput } from './types.js';
import { validateInline } from './validate-inline.js';
import { mapConcurrently } from '../bundle/concurrency.js';

/**
 * Small documents validated a few at a time: each waits on the disk (open, read, close) about as long
 * as it is parsed, and one at a time leaves the core idle for that wait. Larger ones, and documents
 * run through CI-SIS volet rules (a DOM each), one at a time: memory stays that of one document.
 */
const SMALL_INPUT_BYTES = 1024 * 1024;
const SMALL_INPUTS_IN_FLIGHT = 4;

parentPort?.on('message', async (message: { start: number; inputs: ArtefactInput[] }) => {
  const small = message.inputs.every((input) => input.size !== undefined && input.size <= SMALL_INPUT_BYTES && !input.cisis);
  const results = await mapConcurrently(message.inputs, small ? SMALL_INPUTS_IN_FLIGHT : 1, validateInline);
  parentPort!.postMessage({ start: message.start, results });
});
