// Pool worker: validates each batch of inputs it is sent and answers with their results.
import { parentPort } from 'node:worker_threads';
import type { ArtefactInput } from './types.js';
import { validateInline } from './validate-inline.js';

parentPort?.on('message', async (message: { start: number; inputs: ArtefactInput[] }) => {
  const results = [];
  for (const input of message.inputs) results.push(await validateInline(input));
  parentPort!.postMessage({ start: message.start, results });
});
