// `npm run fixtures` must reproduce the committed batch tree byte for byte (the zip deposit and the
// screenshot included): the acceptance test's expected outputs depend on it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_FIXTURE_DIR, makeBatchFixtures } from '../../scripts/fixtures/batch-tree.js';
import { projectRoot } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'segur-batch-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      return statSync(join(dir, path)).isDirectory() ? files(dir, path) : [path];
    });
}

describe('batch fixture script', () => {
  it('regenerates the committed batch tree identically', async () => {
    await makeBatchFixtures(root, projectRoot);
    const committed = files(join(projectRoot, BATCH_FIXTURE_DIR));
    expect(files(join(root, BATCH_FIXTURE_DIR))).toEqual(committed);
    for (const path of committed) {
      expect(readFileSync(join(root, BATCH_FIXTURE_DIR, path)).equals(readFileSync(join(projectRoot, BATCH_FIXTURE_DIR, path))), path).toBe(true);
    }
  });
});
