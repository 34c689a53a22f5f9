// `segur validate FOLDER` walks a bounded number of folder levels; a file below them must not be left
// out while the run says « Validation réussie »: the folder beyond the cap stops the run (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
beforeAll(() => {
  work = tempDir('segur-validate-depth-');
});
afterAll(() => removeDir(work));

describe('segur validate FOLDER, nested folders', () => {
  it.each([
    [32, 0],
    [33, 2],
  ])('%i folders deep: exit %i', (depth, status) => {
    const root = join(work, String(depth));
    const levels = Array.from({ length: depth }, (_, index) => `n${index + 1}`);
    mkdirSync(join(root, ...levels), { recursive: true });
    writeFileSync(join(root, ...levels, 'notes.txt'), 'journal\n');
    const run = runCli(['validate', root]);
    expect(run.status).toBe(status);
    if (status === 2) {
      expect(run.stderr).toContain(`Le dossier ${join(root, ...levels.slice(0, 33))} est au-delà de 32 niveaux de sous-dossiers : segur ne le parcourt pas.`);
    }
  });
});
