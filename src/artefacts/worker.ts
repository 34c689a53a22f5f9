// Pool worker: validates the inputs it is sent, one message per result.
import { parentPort } from 'node:worker_threads';
import type { ArtefactInput } from './types.js';
import { validateInline } from './validate-inline.js';

parentPort?.on('message', async (message: { index: number; input: ArtefactInput }) => {
  const result = await validateInline(message.input);
  parentPort!.postMessage({ index: message.index, result });
});
