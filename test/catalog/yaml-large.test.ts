// A catalog of more than MAX_LIBRARY_CHARS characters is never handed to the yaml library
// (src/io/yaml-plain.ts: « Characters of the largest text left to the yaml library »): it is read
// by the plain-YAML fast path or refused. Found by attack9: when the fast path declines on its entry
// count (no place named), the text still went to the yaml library — 3.8 MB of lines holding one
// space, then a flow list of 150,001 items (4.19 MB, under MAX_CATALOG_BYTES) took 4.9 s and 475 MB
// before `catalog/yaml-too-many-entries`. The library's tokeniser is watched here, not the clock.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

vi.mock('../../src/io/yaml-tokens.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/io/yaml-tokens.js')>();
  return { ...original, tokeniseYaml: vi.fn(original.tokeniseYaml) };
});

const { tokeniseYaml } = await import('../../src/io/yaml-tokens.js');
const { parseYamlText } = await import('../../src/catalog/yaml-file.js');
const { MAX_LIBRARY_CHARS } = await import('../../src/io/yaml-plain.js');
const { projectRoot } = await import('../helpers/cli.js');

const sampleCatalog = readFileSync(join(projectRoot, 'rem-catalogs', 'REM-SAMPLE-LGC.yaml'), 'utf8');

/** The sample catalog's requirements copied (ids made unique) until the text passes `chars`. */
function largeCatalog(chars: number): string {
  const [top, list] = sampleCatalog.split('requirements:\n');
  const copies = Array.from({ length: Math.ceil(chars / list!.length) }, (_, copy) => list!.replace(/^ {2}- id: (\S+)$/gm, `  - id: $1.${copy}`));
  return `${top}requirements:\n${copies.join('')}`;
}

function refusal(text: string): { code?: string; args?: unknown } {
  try {
    parseYamlText(text, 'large.yaml', 'catalog/file-syntax');
    return {};
  } catch (error) {
    return { code: (error as { code?: string }).code, args: (error as { args?: unknown }).args };
  }
}

describe('catalogs of more than 1,000,000 characters', () => {
  it('one of more than 150,000 entries is refused without the yaml library reading it', () => {
    vi.mocked(tokeniseYaml).mockClear();
    const text = `schema: segur-catalog/1\nrequirements: [${'a,'.repeat(1_100_000)}a]\n`;
    expect(text.length).toBeGreaterThan(MAX_LIBRARY_CHARS);
    expect(refusal(text)).toMatchObject({ code: 'catalog/yaml-too-many-entries', args: { file: 'large.yaml', line: 2, max: 150_000 } });
    expect(tokeniseYaml).not.toHaveBeenCalled();
  });

  // `---` first (PyYAML's explicit_start, Ruby's YAML.dump, many editors' templates) or `...` last
  // is still one plain document: the old reader read it; now `catalog/yaml-large-not-plain` at line 1,
  // a message naming anchors, aliases, tags, repeated keys, a second document or a syntax error.
  it.each([
    ['a document start marker on the first line', (body: string) => `---\n${body}`],
    ['a document end marker on the last line', (body: string) => `${body}...\n`],
  ])('one with %s is read as without it', (_label, mark) => {
    const body = largeCatalog(2_100_000);
    expect(body.length).toBeGreaterThan(MAX_LIBRARY_CHARS);
    const expected = parseYamlText(body, 'large.yaml', 'catalog/file-syntax');
    expect(refusal(mark(body))).toEqual({});
    expect(parseYamlText(mark(body), 'large.yaml', 'catalog/file-syntax')).toStrictEqual(expected);
  });

  it('one nested past 64 levels is refused as too deep, without the yaml library reading it', () => {
    vi.mocked(tokeniseYaml).mockClear();
    const text = `${Array.from({ length: 2000 }, (_, level) => `${' '.repeat(level)}- `).join('\n')}x\n`;
    expect(text.length).toBeGreaterThan(MAX_LIBRARY_CHARS);
    expect(refusal(text)).toMatchObject({ code: 'catalog/yaml-too-deep', args: { file: 'large.yaml', line: 66, max: 64 } });
    expect(tokeniseYaml).not.toHaveBeenCalled();
  });
});
