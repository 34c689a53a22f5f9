// Output targets (src/io/output.ts): checked before the run, checked again before the rename.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareOutput, writeOutputSet } from '../../src/io/output.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a target replaced between the check and the write', () => {
  it.each([
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path])],
    ['a symlink', (path: string) => execFileSync('ln', ['-s', '/etc/hostname', path])],
  ])('is not overwritten when it became %s', async (_name, replace) => {
    const dir = mkdtempSync(join(scratch, 'swap-'));
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    const target = await prepareOutput(path);
    rmSync(path);
    replace(path);
    await expect(writeOutputSet([{ target, data: '{}' }])).rejects.toMatchObject({ code: 'io/output-replaced' });
    expect(lstatSync(path).isFile()).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an existing file reached through a linked folder into a bundle', async () => {
    const dir = mkdtempSync(join(scratch, 'linked-'));
    execFileSync('mkdir', [join(dir, 'bundle')]);
    writeFileSync(join(dir, 'bundle/segur.yaml'), 'schema: segur-bundle/1\n');
    execFileSync('ln', ['-s', join(dir, 'bundle'), join(dir, 'link')]);
    await expect(prepareOutput(join(dir, 'link/segur.yaml'), { bundleRoots: [join(dir, 'bundle')] })).rejects.toMatchObject({ code: 'check/output-inside-bundle' });
  });
});
