// A worker for test/batch/isolation.test.ts: each task names how it (mis)behaves.
import { parentPort } from 'node:worker_threads';

const hoard = [];
parentPort.on('message', (task) => {
  switch (task) {
    case 'ok':
      return parentPort.postMessage(`done ${task}`);
    case 'hog':
      for (;;) hoard.push(new Array(100_000).fill(hoard.length)); // until the heap cap stops it
    case 'loop':
      for (;;); // until the time budget stops it
    case 'exit':
      return process.exit(3);
    case 'throw':
      setTimeout(() => {
        throw new Error('boom');
      });
      return;
  }
});
