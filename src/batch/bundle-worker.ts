// Worker thread of `segur batch` (batch/isolation.ts): checks (or probes) each bundle it is sent and
// answers with its outcome. Built to dist/ only; from sources the batch checks bundles inline.
import { parentPort } from 'node:worker_threads';
import { answer, type WorkerRequest } from './check-one.js';

parentPort?.on('message', async (request: WorkerRequest) => {
  parentPort!.postMessage(await answer(request));
});
