// Ctrl-C (SIGINT) or a CI runner's SIGTERM while outputs are being written: the temporary files
// registered so far are removed, then the process exits 130 / 143 (io/cleanup.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-signal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cleanupModule = pathToFileURL(join(projectRoot, 'dist/io/cleanup.js')).href;

describe('signals remove what the run registered', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s → temporary file and folder removed, exit %i', (signal, code) => {
    const file = join(scratch, `${signal}.json.tmp`);
    const folder = join(scratch, `${signal}-work`);
    const script = `
      import { mkdirSync, writeFileSync } from 'node:fs';
      const { removeOnInterrupt } = await import(${JSON.stringify(cleanupModule)});
      writeFileSync(${JSON.stringify(file)}, 'partial');
      mkdirSync(${JSON.stringify(folder)});
      writeFileSync(${JSON.stringify(join(folder, 'DOC0001.XML'))}, '<ClinicalDocument/>');
      removeOnInterrupt(${JSON.stringify(file)});
      removeOnInterrupt(${JSON.stringify(folder)});
      process.kill(process.pid, ${JSON.stringify(signal)});
      setTimeout(() => process.exit(0), 5000);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(code);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(folder)).toBe(false);
  });
});
