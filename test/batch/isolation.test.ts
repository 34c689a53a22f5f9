// The batch isolation (batch/isolation.ts) against workers that misbehave on purpose: a heap cap hit,
// an endless loop, an exit, an uncaught throw — each settles its own task as a failure, the worker is
// replaced, and every other task still completes.
import { describe, expect, it } from 'vitest';
import { runIsolated, type Isolated } from '../../src/batch/isolation.js';

const script = new URL('./misbehaving-worker.mjs', import.meta.url);

async function run(tasks: string[], jobs: number): Promise<Isolated<string>[]> {
  const outcomes: Isolated<string>[] = new Array(tasks.length);
  await runIsolated<string, string>(tasks, {
    script,
    jobs,
    limits: { heapMb: 32, timeoutMs: 1_500 },
    onSettled: (index, outcome) => {
      outcomes[index] = outcome;
    },
  });
  return outcomes;
}

describe('runIsolated', () => {
  it('turns an exhausted heap, an endless loop, an exit and a throw into failures of their own task only', async () => {
    const outcomes = await run(['ok', 'hog', 'ok', 'loop', 'ok', 'exit', 'throw', 'ok'], 2);
    expect(outcomes).toEqual([
      { ok: true, value: 'done ok' },
      { ok: false, failure: { kind: 'out-of-memory' } },
      { ok: true, value: 'done ok' },
      { ok: false, failure: { kind: 'timeout' } },
      { ok: true, value: 'done ok' },
      { ok: false, failure: { kind: 'crashed', detail: 'exit 3' } },
      { ok: false, failure: { kind: 'crashed', detail: 'boom' } },
      { ok: true, value: 'done ok' },
    ]);
  }, 30_000);

  it('runs every task once with one job', async () => {
    expect(await run(['ok', 'ok', 'ok'], 1)).toEqual([
      { ok: true, value: 'done ok' },
      { ok: true, value: 'done ok' },
      { ok: true, value: 'done ok' },
    ]);
  });
});
