// `segur validate` detects the kinds of many files a few at a time; the run still stops on the first
// unusable file in the order given, whichever fails first in time (same message on every run).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

const work = tempDir('segur-validate-order-');
afterAll(() => removeDir(work));

describe('segur validate, many files', () => {
  it('stops on the first unusable file in the order given (exit 2), and validates the rest in order otherwise', () => {
    mkdirSync(join(work, 'docs'));
    const good = Array.from({ length: 40 }, (_, index) => join(work, 'docs', `doc-${String(index).padStart(2, '0')}.xml`));
    for (const path of good) copyFileSync('fixtures/cda/valid-n1.xml', path);
    const fifo = join(work, 'docs', 'tube.xml');
    execFileSync('mkfifo', [fifo]);
    const missing = join(work, 'docs', 'absent.xml');
    const run = runCli(['validate', ...good.slice(0, 30), fifo, ...good.slice(30), missing]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(fifo);
    expect(run.stderr).not.toContain(missing);
    const ok = runCli(['validate', '--format', 'json', ...good]);
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(good);
  });
});
