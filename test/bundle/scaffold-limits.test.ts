// `init` and `init --upgrade` never write a manifest that `check` refuses (manifest.ts: 2 MiB,
// 200,000 entries): past either, exit 2 naming the cap, before any folder is created; and they inherit
// the catalog caps (catalog/limits.ts) (attack report, item 18).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from 'yaml';
import { checkManifestFits, scaffoldBundle } from '../../src/bundle/scaffold.js';
import { upgradeBundle } from '../../src/bundle/upgrade.js';
import { MAX_MANIFEST_BYTES, MAX_MANIFEST_ENTRIES, loadManifest } from '../../src/bundle/manifest.js';
import type { Catalog, Requirement } from '../../src/catalog/schema.js';
import { segurErrorOf } from '../catalog/helpers.js';

function requirement(index: number, chapter = 'Chapitre', proofs = 1): Requirement {
  const id = `R.${index}`;
  return {
    id,
    chapter,
    function: 'Fonction',
    statement: 'Le logiciel DOIT faire.',
    nature: 'EXIGENCE',
    conditional: null,
    profiles: ['Général'],
    scenarios: [{ id: `${id}.01`, text: 'S', proofs: Array.from({ length: proofs }, (_, proof) => ({ id: `${id}.01.${proof}`, text: 'Capture' })) }],
  };
}

let dir: string;
/** A catalog file of `count` requirements whose chapter (quoted in each requirement's comment) has `chapterLength` characters. */
function catalogFile(name: string, count: number, chapterLength: number, proofs = 1): string {
  const catalog: Catalog = {
    schema: 'segur-catalog/1',
    id: name,
    title: name,
    source: { file: `${name}.xlsx`, sheet: 'S', sha256: name.endsWith('B') ? '1'.repeat(64) : '0'.repeat(64) },
    requirements: Array.from({ length: count }, (_, index) => requirement(index, 'c'.repeat(chapterLength), proofs)),
  };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(catalog));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segur-scaffold-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkManifestFits: the caps check applies', () => {
  const small = new Document({ requirements: { A: { status: 'en-cours', proofs: { P: [] } } } });
  it.each([
    ['a small manifest', small, 'x', undefined],
    [
      'a catalog id `__proto__` as a requirement key (check refuses it: manifest/reserved-key)',
      new Document({ requirements: JSON.parse('{"__proto__": {"status": "en-cours"}, "R": {"proofs": {"P": []}}}') }),
      'x',
      { code: 'init/manifest-reserved-key', args: { file: 'f', key: '__proto__' } },
    ],
    ['… or as a proof key', new Document({ requirements: { R: { proofs: JSON.parse('{"__proto__": []}') } } }), 'x', { code: 'init/manifest-reserved-key', args: { file: 'f', key: '__proto__' } }],
    ['one byte past MAX_MANIFEST_BYTES', small, 'x'.repeat(MAX_MANIFEST_BYTES + 1), { code: 'init/manifest-too-large', args: { file: 'f', size: MAX_MANIFEST_BYTES + 1, max: MAX_MANIFEST_BYTES } }],
    [
      'one entry past MAX_MANIFEST_ENTRIES',
      new Document({ items: Array.from({ length: MAX_MANIFEST_ENTRIES }, () => 0) }),
      'x',
      { code: 'init/manifest-too-many-entries', args: { file: 'f', count: MAX_MANIFEST_ENTRIES + 1, max: MAX_MANIFEST_ENTRIES } },
    ],
  ])('%s', (_name, document, text, expected) => {
    let outcome: unknown;
    try {
      checkManifestFits(document, text, 'f');
    } catch (error) {
      outcome = { code: (error as { code: string }).code, args: (error as { args: unknown }).args };
    }
    expect(outcome).toEqual(expected);
  });
});

describe('init', () => {
  it('refuses a manifest past 2 MiB (70 requirements quoting a 32,000-character chapter) before creating anything', async () => {
    const bundle = join(dir, 'too-large');
    const error = await segurErrorOf(scaffoldBundle({ dir: bundle, rem: catalogFile('LARGE', 70, 32_000) }));
    expect(error.code).toBe('init/manifest-too-large');
    expect(error.args).toMatchObject({ file: join(bundle, 'segur.yaml'), max: MAX_MANIFEST_BYTES });
    expect(error.args.size).toBeGreaterThan(MAX_MANIFEST_BYTES);
    expect(existsSync(bundle)).toBe(false);
  });

  it('writes one just under it, which check then loads', async () => {
    const bundle = join(dir, 'fits');
    const result = await scaffoldBundle({ dir: bundle, rem: catalogFile('FITS', 60, 32_000) });
    expect(result).toMatchObject({ requirements: 60, folders: 60 });
    const { manifest } = await loadManifest(bundle);
    expect(Object.keys(manifest.requirements ?? {})).toHaveLength(60);
  });

  it('inherits the catalog caps: 5,001 requirements refused at load, nothing created', async () => {
    const bundle = join(dir, 'too-many');
    const error = await segurErrorOf(scaffoldBundle({ dir: bundle, rem: catalogFile('MANY', 5_001, 1, 0) }));
    expect(error.code).toBe('catalog/file-limit-requirements');
    expect(existsSync(bundle)).toBe(false);
  });
});

describe('init --upgrade', () => {
  it('refuses an upgraded manifest past 2 MiB and writes nothing beside segur.yaml', async () => {
    const bundle = join(dir, 'upgrade');
    await scaffoldBundle({ dir: bundle, rem: catalogFile('UP-A', 3, 10) });
    const before = readdirSync(bundle).sort();
    const error = await segurErrorOf(upgradeBundle({ dir: bundle, rem: catalogFile('UP-B', 70, 32_000), lang: 'fr' }));
    expect(error.code).toBe('init/manifest-too-large');
    expect(error.args).toMatchObject({ file: join(bundle, 'segur.UP-B.yaml'), max: MAX_MANIFEST_BYTES });
    expect(readdirSync(bundle).sort()).toEqual(before);
  });
});
