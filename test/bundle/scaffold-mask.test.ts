// `init` and `init --upgrade` quote the REM in the manifest's comments (chapters, functions, proof
// texts, word diffs of statements): INS/NIR-shaped values there are masked unless
// --reveal-identifiers, and a word diff never splits one into clear halves (attack report, item 9).
// Ids and paths, the manifest's own data, are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scaffoldBundle } from '../../src/bundle/scaffold.js';
import { upgradeBundle } from '../../src/bundle/upgrade.js';
import type { Catalog } from '../../src/catalog/schema.js';

const IN_CLEAR = [/69 123/, /0369123/, /912304/];

function catalog(id: string, ins: string, nir: string): Catalog {
  return {
    schema: 'segur-catalog/1',
    id,
    title: `REM d’essai ${nir}`,
    source: { file: `${id}.xlsx`, sheet: 'Exigences', sha256: id === 'REM-A' ? '0'.repeat(64) : '1'.repeat(64) },
    requirements: [
      {
        id: 'INS/va1.01',
        chapter: `Identito-vigilance ${nir}`,
        function: 'Appel INSi',
        statement: `Le logiciel DOIT interroger INSi (exemple ${ins}, NIR ${nir}).`,
        nature: 'EXIGENCE',
        conditional: false,
        profiles: ['Général'],
        scenarios: [{ id: 'INS/va1.01.01', text: 'S', proofs: [{ id: 'INS/va1.01.01.01', text: `Capture du NIR ${nir}` }] }],
      },
    ],
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segur-scaffold-mask-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(catalog('REM-A', '2 85 03 69 123 045 79', '1850369123045')));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(catalog('REM-B', '2 85 03 69 123 045 78', '1850369123046')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifest comments quoting the REM', () => {
  it.each([
    ['init', false],
    ['init --reveal-identifiers', true],
  ])('%s', async (name, revealIdentifiers) => {
    const bundle = join(dir, name.replace(/ /g, '_'));
    await scaffoldBundle({ dir: bundle, rem: join(dir, 'a.json'), revealIdentifiers });
    const text = readFileSync(join(bundle, 'segur.yaml'), 'utf8');
    if (revealIdentifiers) expect(text).toContain('# Capture du NIR 1850369123045');
    else {
      for (const pattern of IN_CLEAR) expect(text).not.toMatch(pattern);
      expect(text).toContain('# Capture du NIR 18503••••••45');
      expect(text).toContain('# Identito-vigilance 18503••••••45 — Appel INSi');
    }
    expect(Object.keys(parse(text).requirements['INS/va1.01'].proofs)).toEqual(['INS/va1.01.01.01']);
  });

  it.each([
    ['init --upgrade', false],
    ['init --upgrade --reveal-identifiers', true],
  ])('%s', async (name, revealIdentifiers) => {
    const bundle = join(dir, name.replace(/ /g, '_'));
    await scaffoldBundle({ dir: bundle, rem: join(dir, 'a.json'), revealIdentifiers: true });
    const { manifestPath } = await upgradeBundle({ dir: bundle, rem: join(dir, 'b.json'), lang: 'fr', revealIdentifiers });
    const text = readFileSync(manifestPath, 'utf8');
    if (revealIdentifiers) expect(text).toContain('2 85 03 69 123 045 [-79-]{+78+}, NIR [-1850369123045-]{+1850369123046+}');
    else {
      for (const pattern of IN_CLEAR) expect(text).not.toMatch(pattern);
      expect(text).toContain('2 85 03 •• ••• ••• [-79-]{+78+}, NIR 18503••••••[-45-]{+46+}');
    }
    expect(Object.keys(parse(text).requirements)).toEqual(['INS/va1.01']);
  });
});
