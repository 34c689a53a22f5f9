// CATALOG references (product.md): id in ./rem-catalogs or the bundled ones, catalog file, workbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listCatalogs, loadCatalogFile, resolveCatalog, PACKAGE_CATALOG_DIR } from '../../src/catalog/store.js';
import { remFixture, segurErrorOf } from './helpers.js';

const bundledSample = join(PACKAGE_CATALOG_DIR, 'REM-SAMPLE-LGC.yaml');
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'segur-store-'));
  mkdirSync(join(cwd, 'rem-catalogs'));
  const sample = parse(readFileSync(bundledSample, 'utf8'));
  writeFileSync(join(cwd, 'rem-catalogs', 'REM-LOCAL.json'), JSON.stringify({ ...sample, id: 'REM-LOCAL', title: 'Local' }));
  writeFileSync(join(cwd, 'rem-catalogs', 'REM-BROKEN.yaml'), 'schema: segur-catalog/1\nid: REM-BROKEN\n');
  mkdirSync(join(cwd, 'bundle'));
  copyFileSync(bundledSample, join(cwd, 'bundle', 'mine.yaml'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('resolveCatalog', () => {
  it('finds an id in ./rem-catalogs (JSON is fine)', async () => {
    const { catalog, path } = await resolveCatalog('REM-LOCAL', { baseDir: cwd, cwd });
    expect(path).toBe(join(cwd, 'rem-catalogs', 'REM-LOCAL.json'));
    expect(catalog.title).toBe('Local');
  });

  it('falls back to the catalogs shipped with segur', async () => {
    const { catalog, path } = await resolveCatalog('REM-SAMPLE-LGC', { baseDir: cwd, cwd });
    expect(path).toBe(bundledSample);
    expect(catalog.requirements).toHaveLength(7);
  });

  it('reads a catalog file relative to baseDir', async () => {
    const { path, catalog } = await resolveCatalog('mine.yaml', { baseDir: join(cwd, 'bundle'), cwd });
    expect(path).toBe(join(cwd, 'bundle', 'mine.yaml'));
    expect(catalog.id).toBe('REM-SAMPLE-LGC');
  });

  it('imports a workbook on the fly, to the same model as the committed catalog', async () => {
    const { catalog, path } = await resolveCatalog(remFixture('REM-SAMPLE-LGC.xlsx'), { baseDir: cwd, cwd });
    expect(path).toBe(remFixture('REM-SAMPLE-LGC.xlsx'));
    expect(catalog).toEqual(await loadCatalogFile(bundledSample));
  });

  it('names the available ids when an id is unknown; ids never act as paths', async () => {
    for (const ref of ['REM-NOPE', '../rem-catalogs/REM-LOCAL']) {
      const error = await segurErrorOf(resolveCatalog(ref, { baseDir: cwd, cwd }));
      expect(error.code).toBe('catalog/unknown-id');
      expect(error.args).toEqual({ id: ref, local: join(cwd, 'rem-catalogs'), bundled: join(process.cwd(), 'rem-catalogs'), available: 'REM-BROKEN, REM-LOCAL, REM-SAMPLE-LGC' });
    }
  });

  it('validates catalog files with the schema, naming the field', async () => {
    const error = await segurErrorOf(resolveCatalog('REM-BROKEN', { baseDir: cwd, cwd }));
    expect(error.code).toBe('catalog/file-invalid');
    expect(error.args).toMatchObject({ file: join(cwd, 'rem-catalogs', 'REM-BROKEN.yaml'), path: 'title' });
  });

  it('reports YAML syntax errors with their line', async () => {
    const file = join(cwd, 'bad-syntax.yaml');
    writeFileSync(file, 'schema: segur-catalog/1\nid: [unclosed\n');
    const error = await segurErrorOf(resolveCatalog(file, { baseDir: cwd, cwd }));
    expect(error.code).toBe('catalog/file-syntax');
    expect(error.args).toMatchObject({ file, line: 3 });
  });

  it('reports a missing catalog file as not found', async () => {
    const error = await segurErrorOf(resolveCatalog('absent.yaml', { baseDir: cwd, cwd }));
    expect(error.code).toBe('io/input-not-found');
    expect(error.args).toEqual({ file: join(cwd, 'absent.yaml') });
  });
});

describe('listCatalogs', () => {
  it('lists local then bundled catalogs by id, with unreadable ones flagged', async () => {
    const listings = await listCatalogs({ cwd });
    expect(listings.map((listing) => [listing.id, listing.origin, listing.catalog?.requirements.length ?? listing.problem?.code])).toEqual([
      ['REM-BROKEN', 'local', 'catalog/file-invalid'],
      ['REM-LOCAL', 'local', 7],
      ['REM-SAMPLE-LGC', 'bundled', 7],
    ]);
  });
});
