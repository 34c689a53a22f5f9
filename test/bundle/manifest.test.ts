import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_ENTRIES, parseManifest } from '../../src/bundle/manifest.js';
import { isSegurError } from '../../src/errors.js';

function errorOf(text: string) {
  try {
    parseManifest(text, 'b/segur.yaml');
  } catch (error) {
    if (isSegurError(error)) return { code: error.code, args: error.args };
    throw error;
  }
  throw new Error('no error');
}

describe('parseManifest', () => {
  it('reads the product.md example, keeping positions', () => {
    const { manifest, positions } = parseManifest(
      [
        'schema: segur-bundle/1',
        'editor: { name: Éditeur Exemple, nie: "123" }',
        'software: { name: MonLGC, version: 5.2.0 }',
        'rem: REM-SAMPLE-LGC',
        'profile: [Général]',
        'requirements:',
        '  INS/va1.01:',
        '    status: conforme',
        '    proofs:',
        '      INS/va1.01.01.01:',
        '        - path: proofs/INS_va1.01.01.01/capture.png',
        '          kind: screenshot',
      ].join('\n'),
      'segur.yaml',
    );
    expect(manifest.profile).toEqual(['Général']);
    expect(manifest.requirements?.['INS/va1.01']?.proofs?.['INS/va1.01.01.01']).toEqual([
      { path: 'proofs/INS_va1.01.01.01/capture.png', kind: 'screenshot' },
    ]);
    expect(positions.valueAt(['requirements', 'INS/va1.01', 'proofs', 'INS/va1.01.01.01', 0])).toEqual({ line: 11, column: 11 });
    expect(positions.keyAt(['requirements', 'INS/va1.01', 'status'])).toEqual({ line: 8, column: 5 });
  });

  it.each([
    ['duplicate key', 'schema: segur-bundle/1\nrem: a\nrem: b\n', { code: 'manifest/duplicate-key', line: 3, column: 1, key: 'rem' }],
    ['duplicate requirement', 'schema: segur-bundle/1\nrequirements:\n  A/1:\n    status: conforme\n  A/1: {}\n', { code: 'manifest/duplicate-key', line: 5, column: 3, key: 'A/1' }],
    ['alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n', { code: 'manifest/yaml-syntax' }],
    ['a list, not a mapping', '- a\n- b\n', { code: 'manifest/not-a-mapping' }],
    ['bad kind', 'schema: segur-bundle/1\nrequirements:\n  A:\n    proofs:\n      A.1:\n        - { path: a, kind: image }\n', { code: 'manifest/bad-value', line: 6, column: 28, value: 'image' }],
    ['bad sha256', 'schema: segur-bundle/1\nrequirements:\n  A:\n    proofs:\n      A.1:\n        - { path: a, sha256: abc }\n', { code: 'manifest/bad-sha256', line: 6, column: 30 }],
    ['empty path', 'schema: segur-bundle/1\nrequirements:\n  A:\n    proofs:\n      A.1:\n        - path: ""\n', { code: 'manifest/empty-value', line: 6, column: 17 }],
    ['profile as a number list', 'schema: segur-bundle/1\nprofile: { a: 1 }\n', { code: 'manifest/bad-profile', line: 2, column: 10 }],
    ['editor without a name', 'schema: segur-bundle/1\neditor: { nie: "1" }\n', { code: 'manifest/missing-field', key: 'name', field: 'editor' }],
    ['the first error by position wins', 'schema: segur-bundle/1\nzzz: 1\nrem: 3\n', { code: 'manifest/unknown-key', line: 2, column: 1, key: 'zzz' }],
  ])('%s → exit 2 with %j', (_name, text, expected) => {
    const { code, args } = errorOf(text);
    expect({ code, ...args }).toMatchObject({ file: 'b/segur.yaml', ...expected });
  });
});

describe('parseManifest on a hostile size', () => {
  // The guard is vitest's test timeout: yaml's quadratic duplicate-key check took minutes on this input.
  it('refuses a __proto__ key, which a loaded manifest would silently lose', () => {
    expect(() => parseManifest('schema: segur-bundle/1\nrequirements:\n  __proto__:\n    status: conforme\n', 'segur.yaml')).toThrow(
      expect.objectContaining({ code: 'manifest/reserved-key', args: expect.objectContaining({ key: '__proto__', line: 3 }) }),
    );
  });

  it('checks 30,000 keys for duplicates without hanging (90,000 entry indicators, under the cap)', () => {
    const lines = Array.from({ length: 30_000 }, (_, index) => `  R${index}: { status: conforme }`);
    const { manifest } = parseManifest(`schema: segur-bundle/1\nrequirements:\n${lines.join('\n')}\n`, 'segur.yaml');
    expect(Object.keys(manifest.requirements ?? {})).toHaveLength(30_000);
  });

  it('refuses a manifest of more than MAX_MANIFEST_ENTRIES keys and list items before checking anything (no deep recursion)', () => {
    const items = Array.from({ length: MAX_MANIFEST_ENTRIES + 1 }, () => '- a').join('\n        ');
    const text = `schema: segur-bundle/1\nrequirements:\n  R:\n    proofs:\n      P:\n        ${items}\n`;
    expect(() => parseManifest(text, 'segur.yaml')).toThrow(expect.objectContaining({ code: 'manifest/too-many-entries', args: expect.objectContaining({ file: 'segur.yaml', max: MAX_MANIFEST_ENTRIES }) }));
  });

  // A 2 MB flow list of a million one-letter items took 10.8 s and 2.3 GB before its entries were
  // counted on the composed document: the count now runs on the tokens as they are read, and parsing
  // stops at the first item past the cap.
  it.each([
    ['a flow list', (n: number) => `      P: [${'a,'.repeat(n)}a]\n`],
    ['a flow mapping', (n: number) => `      P: {${Array.from({ length: n }, (_, index) => `k${index}: 1`).join(', ')}}\n`],
    ['a block list', (n: number) => `      P:\n${'        - a\n'.repeat(n)}`],
  ])('stops reading %s at the cap, before the document is built', (_name, body) => {
    const text = `schema: segur-bundle/1\nrequirements:\n  R:\n    proofs:\n${body(5 * MAX_MANIFEST_ENTRIES)}`;
    const error = (() => {
      try {
        parseManifest(text, 'segur.yaml');
      } catch (caught) {
        return caught as { code: string; args: { count: number; max: number } };
      }
      return undefined;
    })();
    expect(error?.code).toBe('manifest/too-many-entries');
    expect(error?.args.max).toBe(MAX_MANIFEST_ENTRIES);
    expect(error?.args.count).toBe(MAX_MANIFEST_ENTRIES + 1);
  });
});
