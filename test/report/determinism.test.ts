import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadReporter } from '../../src/report/index.js';
import { fixtureContext } from './fixture-context.js';

const FORMATS = ['junit', 'sarif', 'github', 'markdown', 'html', 'xlsx', 'csv'] as const;

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(FORMATS)('%s is byte-identical across runs at different times', async (format) => {
    const reporter = await loadReporter(format);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = await reporter.render(fixtureContext());
    vi.setSystemTime(new Date('2026-12-31T23:59:59Z'));
    const second = await reporter.render(fixtureContext());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(first.length).toBeGreaterThan(0);
  });
});
