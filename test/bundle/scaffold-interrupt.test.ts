// Ctrl-C (SIGINT) or SIGTERM while `init` (or `init --upgrade`) writes its manifest: the temporary
// `segur.yaml.<pid>.<rand>.tmp` is removed and the process exits 130 / 143 (attack report, item 15).
// The signal is sent once the temporary file exists, while a large text is still being written to it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-init-signal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scaffoldModule = pathToFileURL(join(projectRoot, 'dist/bundle/scaffold.js')).href;

describe('an interrupted manifest write leaves nothing behind', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s → no .tmp left, no manifest, exit %i', (signal, code) => {
    const dir = join(scratch, signal);
    mkdirSync(dir);
    const target = join(dir, 'segur.yaml');
    const script = `
      import { readdirSync } from 'node:fs';
      const { writeNewFile } = await import(${JSON.stringify(scaffoldModule)});
      // 64 MB: written in many chunks, so the signal arrives while the temporary file exists.
      const writing = writeNewFile(${JSON.stringify(target)}, '#'.repeat(64 * 1024 * 1024));
      const poll = () => {
        if (readdirSync(${JSON.stringify(dir)}).some((name) => name.endsWith('.tmp'))) process.kill(process.pid, ${JSON.stringify(signal)});
        else setImmediate(poll);
      };
      poll();
      await writing;
      setTimeout(() => process.exit(0), 5000);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(code);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(target)).toBe(false);
  });
});
