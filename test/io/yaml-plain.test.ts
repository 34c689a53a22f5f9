// The plain-YAML fast path (src/io/yaml-plain.ts) must give exactly what the yaml library gives —
// the same data and the same node offsets — or decline. Held on generated YAML made of the pieces
// where the two libraries could part (quotes, block scalars, empty values, flow collections, keys
// that are not text, comments, indentation, tabs, CRLF…), on mutations of real files, and on every
// YAML file of the project and of ../shared.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Composer, Parser, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isPlain, readPlainYaml, type PlainNode } from '../../src/io/yaml-plain.js';

const SEED = 20261130;
const LIMITS = { maxDepth: 32, maxEntries: 100_000 };
const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = join(root, '..', 'shared');

/**
 * What the yaml library makes of `text` (core schema, as segur's readers): data, or undefined on any
 * error or warning. Its duplicate-key check is quadratic (20,000 keys: seconds); the fast path's own is
 * tested on its own below.
 */
function libraryRead(text: string): { document: Document; data: unknown } | undefined {
  try {
    const tokens = Array.from(new Parser().parse(text));
    const documents = Array.from(new Composer({ uniqueKeys: false }).compose(tokens, true, text.length));
    if (documents.length !== 1) return undefined;
    const [document] = documents;
    if (document!.errors.length > 0 || document!.warnings.length > 0) return undefined;
    return { document: document!, data: document!.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

/** Every node offset the fast path claims equals the yaml library's, keys included. */
function sameOffsets(node: Node | null | undefined, plain: PlainNode, path = '$'): string[] {
  const problems: string[] = [];
  const offset = node?.range?.[0];
  if (plain.offset >= 0 && offset !== plain.offset) problems.push(`${path}: ${plain.offset} ≠ ${offset}`);
  if (plain.entries) {
    if (!isMap(node)) return [...problems, `${path}: not a mapping`];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const entry = plain.entries.get(key);
      if (!entry) problems.push(`${path}.${key}: missing`);
      else {
        if ((pair.key as Node).range?.[0] !== entry.keyOffset) problems.push(`${path}.${key} (key): ${entry.keyOffset} ≠ ${(pair.key as Node).range?.[0]}`);
        problems.push(...sameOffsets(pair.value as Node, entry.value, `${path}.${key}`));
      }
    }
  } else if (plain.items) {
    if (!isSeq(node)) return [...problems, `${path}: not a list`];
    node.items.forEach((item, index) => problems.push(...sameOffsets(item as Node, plain.items![index]!, `${path}[${index}]`)));
  }
  return problems;
}

/** Asserts the fast path agrees with the library, or declines; returns whether it answered. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text, LIMITS);
  if (!isPlain(plain)) return false;
  const library = libraryRead(text);
  expect(library, `fast path read a text the yaml library refuses: ${JSON.stringify(text)}`).toBeDefined();
  expect(plain.data, JSON.stringify(text)).toStrictEqual(library!.data);
  expect(sameOffsets(library!.document.contents as Node, plain.root), JSON.stringify(text)).toEqual([]);
  return true;
}

const scalar = fc.constantFrom(
  'a', 'texte libre', 'é à ç', 'INS/va1.01', '1', '-1', '0x1F', '0o17', '1e3', '.5', '.inf', '.NaN', '~', 'null', 'true', 'False', 'yes', 'on',
  '2024-01-01', '12:30', "'quoted'", "'it''s'", '"dq\\n\\u00e9"', '"a\\"b"', '""', "''", 'a: b', 'a #c', 'a#b', '- x', '[x, y]', '{k: v}', '[]', '{}',
  '&anchor v', '*alias', '!!str 1', '!custom v', '|\n  bloc\n  deux', '>-\n  plié\n  ici', '|+\n  garde\n\n', '?', '%', '@x', '`x', 'a\tb', '"multi\n  ligne"', 'plain\n  suite',
);
const key = fc.constantFrom('a', 'b', 'clé', 'INS/va1.01', '"q"', "'s'", '1', 'true', '~', '<<', '__proto__', 'a b', '"a: b"', '? c', '[k]', '{k: v}', '"__proto__"', 'x'.repeat(1030));
const indent = fc.constantFrom('', ' ', '  ', '    ', '\t');
const line = fc.oneof(
  fc.tuple(indent, key, fc.constantFrom(': ', ':', ':  ', ' : '), scalar).map(([pad, k, sep, v]) => `${pad}${k}${sep}${v}`),
  fc.tuple(indent, scalar).map(([pad, v]) => `${pad}- ${v}`),
  fc.tuple(indent, key).map(([pad, k]) => `${pad}${k}:`),
  fc.tuple(indent, key, key, scalar).map(([pad, k1, k2, v]) => `${pad}- ${k1}: ${v}\n${pad}  ${k2}: ${v}`),
  fc.constantFrom('# commentaire', '', '---', '...', '%YAML 1.2', '  # indented comment', '-', 'x: [a,\n  b]', 'x: {a: 1,\n  b: 2}'),
);
const generated = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

/** Well-formed documents more often than not: a tree of mappings, lists and scalars rendered in block or flow style. */
type Tree = string | { map: [string, Tree][] } | { seq: Tree[] } | { flow: string[] };
const { tree } = fc.letrec<{ tree: Tree }>((recurse) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ map: fc.array(fc.tuple(key, recurse('tree')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(recurse('tree'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ flow: fc.array(fc.constantFrom('a', "'b c'", '"d"', '1', '~', 'e: f', '{g: h}', '[i]', ''), { maxLength: 4 }) }),
  ),
}));

/** Block rendering; a multi-line scalar is indented under its key. */
function render(node: Tree, pad: string): string {
  if (typeof node === 'string') return node.replace(/\n/g, `\n${pad}  `);
  if ('flow' in node) return `[${node.flow.join(', ')}]`;
  if ('map' in node) return node.map.map(([k, value]) => `${k}:${typeof value === 'string' || 'flow' in value ? ` ${render(value, pad)}` : `\n${pad}  ${render(value, `${pad}  `)}`}`).join(`\n${pad}`);
  return node.seq.map((value) => `- ${render(value, `${pad}  `)}`).join(`\n${pad}`);
}
const structured = fc.tuple(tree, fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '# tête\n')).map(([node, eol, head]) => `${head}${render(node, '')}\n`.replace(/\n/g, eol));

function yamlFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, found);
    else if (/\.(?:ya?ml)$/i.test(name)) found.push(path);
  }
  return found;
}

describe('plain YAML fast path: the same data and offsets as the yaml library, or none', () => {
  // Each property must not be vacuous: the fast path answers for a good share of the texts.
  it.each([
    ['generated YAML (pieces where the libraries could differ)', generated, 50],
    ['generated documents (trees of mappings, lists and scalars)', structured, 1000],
  ])('agrees on %s', (_name, texts, atLeast) => {
    let answered = 0;
    fc.assert(fc.property(texts, (text) => void (agrees(text) && answered++)), { seed: Number(process.env.SEGUR_FUZZ_SEED ?? SEED), numRuns: Number(process.env.SEGUR_FUZZ_RUNS ?? 3000) });
    expect(answered).toBeGreaterThan(atLeast);
  });

  it('agrees on mutations of the sample manifest and catalog', () => {
    const bases = ['fixtures/bundles/sample-ok/segur.yaml', 'rem-catalogs/REM-SAMPLE-LGC.yaml'].map((file) => readFileSync(join(root, file), 'utf8'));
    const pieces = fc.constantFrom(' ', '  ', '\n', ':', '- ', '#', "'", '"', '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!t ', '\t', 'x', '~');
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.nat(), fc.array(pieces, { maxLength: 3 }), fc.nat(4), (base, at, inserted, removed) => {
        const cut = at % base.length;
        agrees(base.slice(0, cut) + inserted.join('') + base.slice(cut + removed));
      }),
      { seed: Number(process.env.SEGUR_FUZZ_SEED ?? SEED), numRuns: Number(process.env.SEGUR_FUZZ_RUNS ?? 1500) },
    );
  });

  it('agrees on every YAML file of the project and of ../shared, and answers for the files segur writes', () => {
    const files = [...yamlFiles(join(root, 'fixtures')), ...yamlFiles(join(root, 'rem-catalogs')), ...(statSync(shared, { throwIfNoEntry: false }) ? yamlFiles(shared) : [])];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) agrees(readFileSync(file, 'utf8'));
    expect(agrees(readFileSync(join(root, 'rem-catalogs/REM-SAMPLE-LGC.yaml'), 'utf8'))).toBe(true);
    expect(agrees(readFileSync(join(root, 'fixtures/bundles/sample-ok/segur.yaml'), 'utf8'))).toBe(true);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n', 3],
    ['an alias', 'a: 1\nb: *x\n', 8],
    ['an anchor after a tag', 'a: !!str &x 1\n', 3],
    ['a tag', 'a: !!str 1\n', 3],
    ['a list as a key', 'x: 1\n? [a]\n: 1\n', 7],
    ['a key written twice', 'a: 1\na: 2\n', 5],
    ['__proto__', 'a: 1\n__proto__: 1\n', 5],
    ['a merge key', '<<: {a: 1}\n', 0],
    ['a number as a key', 'a: 1\n1: a\n', 5],
    ['a key of more than 1,000 characters', `${'k'.repeat(1001)}: 1\n`, 0],
    ['two documents', 'a: 1\n---\nb: 2\n', 5],
    ['a directive', '%YAML 1.2\n---\na: 1\n', 10],
    ['a lone carriage return', 'a: 1\rb: 2\r', 4],
    ['a syntax error', 'a: [1, 2\n', 9],
  ])('declines %s, saying where', (_label, text, offset) => {
    expect(readPlainYaml(text, LIMITS)).toEqual({ notPlainAt: offset });
  });

  it.each([
    ['flow collections', `${'['.repeat(40)}${']'.repeat(40)}`, 32],
    // js-yaml stops a level later in block style (the `-` of level 34, line 34; the yaml library names
    // level 33): callers use this place only past MAX_LIBRARY_CHARS, the yaml library names it otherwise.
    ['block lists', `${Array.from({ length: 40 }, (_, level) => `${' '.repeat(level)}- `).join('\n')}x\n`, 660],
  ])('declines nesting past the limit in %s, saying where and why', (_label, text, offset) => {
    expect(readPlainYaml(text, LIMITS)).toEqual({ notPlainAt: offset, tooDeep: true });
  });

  it('declines past the entries allowed, counted on the lexer when the characters could hold more', () => {
    // The 11th item's comma, at offset 20: where a refusal names the line.
    expect(readPlainYaml(`[${'a,'.repeat(10)}a]`, { maxDepth: 4, maxEntries: 10 })).toEqual({ notPlainAt: 20, tooManyEntries: true });
    expect(readPlainYaml(`[${'a,'.repeat(9)}a]`, { maxDepth: 4, maxEntries: 10 })).toMatchObject({ data: Array(10).fill('a') });
    // Commas inside text are no entries: the lexer count lets the fast path read it.
    expect(readPlainYaml(`a: "${',:-'.repeat(50)}"\n`, { maxDepth: 4, maxEntries: 10 })).toMatchObject({ data: { a: ',:-'.repeat(50) } });
  });
});

// Texts where the fast path answered and the yaml library — segur's reader before the fast path —
// gives other data or refuses the text (found by a differential fuzz of both readers, attack9).
// Each must agree with the library or be declined.
describe('plain YAML fast path: texts where js-yaml and the yaml library part', () => {
  it.each([
    // Data: a double-quoted line continuation (`\` at the end of a line) followed by an empty line:
    // the yaml library reads « a b », js-yaml « ab » (a path written so finds another file).
    ['an escaped line break then an empty line', 'k: "a\\\n\n  b"\n'],
    ['an escaped line break then a blank line', 'k: "proofs/x/appel-\\\n  \n  insi.png"\n'],
    // Data: a block scalar with an indentation indicator, a last line of spaces more indented than it.
    ['an indentation indicator and a trailing more-indented blank line', 'k: |2\n    x\n    \n'],
    ['a folded indentation indicator and a trailing blank line', 'k: >1\n   x\n  \n'],
    // Data: a float past the double range is Infinity for the yaml library, text for js-yaml.
    ['a float past the double range', 'a: 1e400\n'],
    ['an integer past the double range', `a: ${'9'.repeat(400)}\n`],
    // Data: a byte-order mark after the first line (two files put together) is dropped by the yaml
    // library, kept in the key by js-yaml (« \uFEFFversion » then fails the schema).
    ['a byte-order mark starting a later line', '# en-tête\n\ufeffversion: 1\n'],
    // Refused by the yaml library (« Tabs are not allowed as indentation », « Block scalar lines
    // must not be less indented… », « Missing closing "quote »), read by js-yaml.
    ['a tab-only line after a block scalar', 'k: |\n  y\n\t\nj: 1\n'],
    ['a tab-indented comment after a block scalar', 'k: >\n  y\n\t# c\nj: 1\n'],
    ['a tab-only line inside a multi-line plain scalar', 'k: a\n\t\n  b\n'],
    ['a tab-only line inside a multi-line quoted scalar', 'k: "a\n\t\n  b"\n'],
    ['a tab-only line after an empty value', 'z:\n\t'],
    ['a top-level scalar after a tab', '\t9\n'],
    // Refused by the yaml library: the `:` more than 1,024 characters after the key's start.
    ['a 990-character key followed by 40 spaces', `${'k'.repeat(990)}${' '.repeat(40)}: 1\n`],
    ['a 990-character key in a flow list followed by 40 spaces', `[${'k'.repeat(990)}${' '.repeat(40)}: 1]\n`],
    // Refused by the yaml library (« Comments must be separated… »): a comment on column 1 in a flow mapping.
    ['a comment on column 1 before a flow mapping closes', '{a: 1\n# c\n}\n'],
    // Hostile review 9b. Refused by the yaml library (« Invalid escape sequence »), read by js-yaml as
    // lone surrogates: a \U escape past U+10FFFF.
    ['a \\U escape past U+10FFFF in a value', 'k: "\\U00110000"\n'],
    ['a \\U escape past U+10FFFF in a key', '"\\U00110000": v\n'],
    ['a \\U escape of 0xFFFFFFFF', 'k: "\\UFFFFFFFF"\n'],
    // An indented `---` is text for the yaml library (a plain scalar, or an error before a mapping),
    // a document start for js-yaml: segur.yaml beginning « ␠---⏎version: 1 » was read as a mapping.
    ['an indented --- before a mapping', ' ---\nversion: 1\n'],
    ['an indented --- and a comment before a mapping', '  ---  # en-tête\n  version: 1\n'],
    ['an indented --- before a flow mapping', ' --- {a: b}\n'],
    ['an indented --- before a list', ' ---\n- a\n'],
    ['an indented --- alone', '  ---\n'],
  ])('agrees or declines: %s', (_label, text) => {
    agrees(text);
  });
});
