// `npm run fixtures` must reproduce the committed REM fixtures byte for byte (fixed dates and zip
// timestamps), so that the sample's SHA-256 in rem-catalogs/ stays true.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRemFixtures } from '../../scripts/fixtures/rem.js';
import { REM_VERSIONS_DIR, makeRemVersionFixtures } from '../../scripts/fixtures/rem-versions.js';
import { FIELD_CASES_DIR, makeFieldCaseFixtures } from '../../scripts/fixtures/field-cases.js';
import { projectRoot } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'segur-rem-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('REM fixture script', () => {
  it('regenerates every committed fixture identically', async () => {
    await makeRemFixtures(root);
    const committed = readdirSync(join(projectRoot, 'fixtures/rem')).sort();
    expect(readdirSync(join(root, 'fixtures/rem')).sort()).toEqual(committed);
    for (const name of committed) {
      const fresh = readFileSync(join(root, 'fixtures/rem', name));
      expect(fresh.equals(readFileSync(join(projectRoot, 'fixtures/rem', name))), name).toBe(true);
    }
  });

  it('regenerates the two REM versions of catalog diff, their catalogs and their bundle identically', async () => {
    await makeRemVersionFixtures(root);
    const committed = filesUnder(join(projectRoot, REM_VERSIONS_DIR));
    expect(filesUnder(join(root, REM_VERSIONS_DIR))).toEqual(committed);
    for (const name of committed) {
      const fresh = readFileSync(join(root, REM_VERSIONS_DIR, name));
      expect(fresh.equals(readFileSync(join(projectRoot, REM_VERSIONS_DIR, name))), name).toBe(true);
    }
  });

  it('regenerates the field cases (files and bundles) identically, NFD file name included', async () => {
    await makeFieldCaseFixtures(root);
    const committed = filesUnder(join(projectRoot, FIELD_CASES_DIR));
    expect(committed.length).toBeGreaterThan(50);
    expect(committed).toContain('nfd-file-name/bundle/proofs/INS_va1.01.01.01/capture-écran-insi.png'.normalize('NFD'));
    expect(filesUnder(join(root, FIELD_CASES_DIR))).toEqual(committed);
    for (const name of committed) {
      const fresh = readFileSync(join(root, FIELD_CASES_DIR, name));
      expect(fresh.equals(readFileSync(join(projectRoot, FIELD_CASES_DIR, name))), name).toBe(true);
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
