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
    // zod names a record "record": the message must not (issue 10, English in French messages).
    ['requirements as a list', 'schema: segur-bundle/1\nrequirements: [a]\n', { code: 'manifest/expected-mapping', line: 2, column: 15, field: 'requirements' }],
    ['a list where a kind is expected', 'schema: segur-bundle/1\nrequirements:\n  A:\n    proofs:\n      A.1:\n        - { path: a, kind: [cda] }\n', { code: 'manifest/bad-value', line: 6, column: 28, value: '[cda]' }],
    ['the first error by position wins', 'schema: segur-bundle/1\nzzz: 1\nrem: 3\n', { code: 'manifest/unknown-key', line: 2, column: 1, key: 'zzz' }],
  ])('%s → exit 2 with %j', (_name, text, expected) => {
    const { code, args } = errorOf(text);
    expect({ code, ...args }).toMatchObject({ file: 'b/segur.yaml', ...expected });
  });
});

describe('parseManifest: YAML tags', () => {
  // A manifest is plain data: a tag that makes a value something else than text, a number, a
  // boolean, a list or a mapping (!!binary decoded to bytes, !!timestamp to a date, !!set, a local
  // !tag yaml cannot resolve) is refused where it is written, not reported as a wrong value.
  it.each([
    ['!!binary', 'schema: segur-bundle/1\nrequirements:\n  A:\n    status: !!binary Y29uZm9ybWU=\n', { line: 4, column: 13, tag: '!!binary', field: 'requirements › A › status' }],
    ['!!timestamp', 'schema: segur-bundle/1\nrem: !!timestamp 2001-12-14\n', { line: 2, column: 6, tag: '!!timestamp', field: 'rem' }],
    ['!!set', 'schema: segur-bundle/1\nprofile: !!set { a }\n', { line: 2, column: 10, tag: '!!set', field: 'profile' }],
    ['a local tag', 'schema: segur-bundle/1\nrequirements:\n  A:\n    status: !custom conforme\n', { line: 4, column: 13, tag: '!custom', field: 'requirements › A › status' }],
    ['a verbatim tag', 'schema: segur-bundle/1\nrem: !<tag:example.com,2000:x> a\n', { line: 2, column: 6, tag: '!<tag:example.com,2000:x>', field: 'rem' }],
    ['a tag on a key', 'schema: segur-bundle/1\n!!binary cmVt: a\n', { line: 2, column: 1, tag: '!!binary', field: '(racine)' }],
  ])('%s → manifest/yaml-tag naming the file, line, column and tag', (_name, text, expected) => {
    const { code, args } = errorOf(text);
    expect({ code, ...args }).toEqual({ code: 'manifest/yaml-tag', file: 'b/segur.yaml', ...expected });
  });

  it('keeps the core tags that give plain values (!!str, !!int, !!map…)', () => {
    const { manifest } = parseManifest('schema: !!str segur-bundle/1\nrem: !!str 2024\nrequirements: !!map\n  A:\n    status: ! conforme\n', 'segur.yaml');
    expect(manifest.rem).toBe('2024');
    expect(manifest.requirements?.A?.status).toBe('conforme');
  });

  it('says it in French, naming the file, line and tag', async () => {
    const { formatMessage } = await import('../../src/messages/index.js');
    const { args } = errorOf('schema: segur-bundle/1\nrequirements:\n  A:\n    status: !!binary Y29uZm9ybWU=\n');
    expect(formatMessage('manifest/yaml-tag', args, { lang: 'fr' })).toBe(
      'b/segur.yaml, ligne 4, colonne 13 : requirements › A › status porte l’étiquette YAML « !!binary » : ce fichier ne contient que du texte, des nombres, des listes et des dictionnaires. Retirez l’étiquette (par exemple « status: conforme »).',
    );
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
