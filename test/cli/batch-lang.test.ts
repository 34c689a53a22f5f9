// `segur batch` in English says English words (no French verdicts), and its matrix.csv follows the
// CSV separator rule of every CSV segur writes (`;` in French, `,` in English).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
beforeAll(() => {
  work = tempDir('segur-batch-lang-');
  copyFixtureBundle('missing-proof', join(work, 'depots'));
});
afterAll(() => removeDir(work));

describe('segur batch --lang en', () => {
  it('speaks English, verdicts included, and writes matrix.csv with commas', () => {
    const run = runCli(['--lang', 'en', 'batch', 'depots', '--out', 'en', '--format', 'json'], { cwd: work });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('compliant: 4, non-compliant: 0, incomplete: 1, not applicable: 1');
    expect(run.stdout).not.toMatch(/conforme|incomplet\b/);
    expect(readFileSync(join(work, 'en/matrix.csv'), 'utf8').split('\r\n')[2]).toBe('REM-SAMPLE-LGC,INS/va1.02,EXIGENCE,Incomplete');
  });
});
