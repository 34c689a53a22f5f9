// `npm run fixtures` must reproduce the committed message fixtures and the bundles written with
// them byte for byte (scripts/fixtures/eml.ts): the tests assert findings on those exact bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BUNDLES, makeEmlFixtures } from '../../scripts/fixtures/eml.js';
import { projectRoot } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'segur-eml-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('message fixture script', () => {
  it('regenerates fixtures/eml and its bundles identically', async () => {
    await makeEmlFixtures(root, projectRoot);
    for (const dir of ['fixtures/eml', ...BUNDLES.map((name) => `fixtures/bundles/${name}`)]) {
      const committed = filesUnder(join(projectRoot, dir));
      expect(filesUnder(join(root, dir)), dir).toEqual(committed);
      for (const name of committed) {
        expect(readFileSync(join(root, dir, name)).equals(readFileSync(join(projectRoot, dir, name))), `${dir}/${name}`).toBe(true);
      }
    }
  });
});
