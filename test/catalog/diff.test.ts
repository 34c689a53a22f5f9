// The catalog diff's parts: similarity, staged pairing, word diff, and diffCatalogs on small
// catalogs built here (each case one kind of change, exact outcome).
import { describe, expect, it } from 'vitest';
import { diffCatalogs, translatedId } from '../../src/catalog/diff/compare.js';
import { Pairing } from '../../src/catalog/diff/match.js';
import { SIMILARITY_THRESHOLD, dice, roundSimilarity, wordSet } from '../../src/catalog/diff/similarity.js';
import { plainWords } from '../../src/catalog/diff/describe.js';
import { wordDiff } from '../../src/catalog/diff/word-diff.js';
import type { Catalog, Requirement } from '../../src/catalog/schema.js';

function requirement(id: string, fields: Partial<Requirement> = {}): Requirement {
  return {
    id,
    chapter: 'Chapitre',
    function: 'Fonction',
    statement: `Le logiciel DOIT faire la chose ${id}.`,
    nature: 'EXIGENCE',
    conditional: null,
    profiles: ['Général'],
    scenarios: [{ id: `${id}.01`, text: `Scénario de ${id}`, proofs: [{ id: `${id}.01.01`, text: `Capture de ${id}` }] }],
    ...fields,
  };
}

function catalog(id: string, requirements: Requirement[]): Catalog {
  return { schema: 'segur-catalog/1', id, title: id, source: { file: `${id}.xlsx`, sheet: 'Exigences', sha256: '0'.repeat(64) }, requirements };
}

const STATEMENT = 'Le logiciel DOIT permettre d’envoyer au DMP du patient un document conforme au volet du CI-SIS.';

describe('similarity', () => {
  it('is the Dice coefficient on accent-free, case-free word sets', () => {
    expect([...wordSet('Le logiciel DOIT : l’INS, qualifiée.')]).toEqual(['le', 'logiciel', 'doit', 'l', 'ins', 'qualifiee']);
    expect(dice(wordSet('a b c d'), wordSet('a b c e'))).toBe(0.75);
    expect(dice(wordSet('A b'), wordSet('a B'))).toBe(1);
    expect(dice(wordSet(''), wordSet(''))).toBe(0);
    expect(roundSimilarity(30 / 33)).toBe(0.91);
    expect(SIMILARITY_THRESHOLD).toBe(0.8);
  });
});

describe('staged pairing', () => {
  it('pairs equal keys lowest ids first, then similar texts best score first, ties broken by id', () => {
    const pairing = new Pairing<string>(['b', 'a', 'c', 'd'], ['y', 'x', 'z']);
    pairing.byKey((index) => ['k', 'k', undefined, undefined][index], (index) => ['k', undefined, undefined][index], 'key');
    expect(pairing.pairs).toEqual([{ old: 1, new: 0, match: 'key' }]); // 'a' before 'b'
    const texts = ['', '', 'un deux trois quatre cinq', 'un deux trois quatre cinq'];
    pairing.bySimilarity((index) => texts[index]!, (index) => ['', 'un deux trois quatre six', 'un deux trois quatre cinq'][index]!, (score) => score.toFixed(2));
    // c and d tie with z (1.00): c (lower id) takes it, d then takes x (0.80).
    expect(pairing.pairs.slice(1)).toEqual([
      { old: 2, new: 2, match: '1.00' },
      { old: 3, new: 1, match: '0.80' },
    ]);
    expect(pairing.unpairedOld()).toEqual([0]);
  });

  it('skips the similarity stage beyond a million candidate pairs, and says so', () => {
    const pairing = new Pairing<number>(Array.from({ length: 1001 }, (_, index) => `o${index}`), Array.from({ length: 1000 }, (_, index) => `n${index}`));
    pairing.bySimilarity(() => 'même texte', () => 'même texte', (score) => score);
    expect(pairing.pairs).toEqual([]);
    expect(pairing.similarityLimited).toBe(true);
  });
});

describe('word diff', () => {
  it('spells the old text with = and -, the new one with = and +', () => {
    const segments = wordDiff('Le logiciel DOIT  faire.', 'Le logiciel PEUT faire, vite.');
    expect(plainWords(segments)).toBe('Le logiciel [-DOIT-]{+PEUT+} faire{+, vite+}.');
    expect(segments.filter((s) => s.op !== '+').map((s) => s.text).join('')).toBe('Le logiciel DOIT faire.');
    expect(segments.filter((s) => s.op !== '-').map((s) => s.text).join('')).toBe('Le logiciel PEUT faire, vite.');
  });

  it('reports two texts with nothing in common beyond its edit bound as replaced whole', () => {
    const before = Array.from({ length: 3000 }, (_, index) => `a${index}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, index) => `b${index}`).join(' ');
    expect(wordDiff(before, after)).toEqual([
      { op: '-', text: before },
      { op: '+', text: after },
    ]);
  });
});

describe('diffCatalogs', () => {
  it('translates proof ids through a requirement rename', () => {
    expect(translatedId('INS/va1.03.01.02', 'INS/va1.03', 'INS/va2.03')).toBe('INS/va2.03.01.02');
    expect(translatedId('INS/va1.030.01', 'INS/va1.03', 'INS/va2.03')).toBe('INS/va1.030.01');
  });

  it('trusts VA N-1 over a same id, and takes the first former id present in a merge', () => {
    const before = catalog('A', [requirement('X.01'), requirement('X.02')]);
    const after = catalog('B', [requirement('X.03', { previousId: 'X.09, X.01 ; X.02' }), requirement('X.01', { statement: 'Autre chose entièrement.' })]);
    const diff = diffCatalogs(before, after);
    expect(diff.requirements.map(({ status, old, new: next, match }) => ({ status, old, new: next, match }))).toEqual([
      { status: 'renamed', old: 'X.01', new: 'X.03', match: { by: 'previousId' } },
      { status: 'added', old: undefined, new: 'X.01', match: undefined },
      { status: 'removed', old: 'X.02', new: undefined, match: undefined },
    ]);
  });

  it('pairs a renumbered requirement by statement similarity only above the threshold', () => {
    const before = catalog('A', [requirement('D.01', { statement: STATEMENT }), requirement('D.02', { statement: 'Le logiciel DOIT afficher un historique.' })]);
    const after = catalog('B', [
      requirement('D.11', { statement: STATEMENT.replace('au volet', 'aux volets') }),
      requirement('D.12', { statement: 'Le logiciel DOIT permettre de consulter le DMP.' }),
    ]);
    const diff = diffCatalogs(before, after);
    expect(diff.requirements.map(({ status, old, new: next, match }) => ({ status, old, new: next, match }))).toEqual([
      { status: 'renamed', old: 'D.01', new: 'D.11', match: { by: 'similarity', similarity: 0.91 } },
      { status: 'added', old: undefined, new: 'D.12', match: undefined },
      { status: 'removed', old: 'D.02', new: undefined, match: undefined },
    ]);
  });

  it('flags nature and conditional changes as tightenings or loosenings', () => {
    const before = catalog('A', [
      requirement('N.01', { nature: 'PRECONISATION' }),
      requirement('N.02'),
      requirement('C.01', { conditional: null }),
      requirement('C.02', { conditional: false }),
      requirement('C.03', { conditional: null }),
    ]);
    const after = catalog('B', [
      requirement('N.01'),
      requirement('N.02', { nature: 'PRECONISATION' }),
      requirement('C.01', { conditional: false }),
      requirement('C.02', { conditional: true }),
      requirement('C.03', { conditional: true }),
    ]);
    const diff = diffCatalogs(before, after);
    expect(diff.requirements.map((entry) => entry.changes)).toEqual([
      [{ field: 'nature', old: 'PRECONISATION', new: 'EXIGENCE', direction: 'tightened' }],
      [{ field: 'nature', old: 'EXIGENCE', new: 'PRECONISATION', direction: 'loosened' }],
      [{ field: 'conditional', old: null, new: false, direction: 'tightened' }],
      [{ field: 'conditional', old: false, new: true, direction: 'loosened' }],
      [{ field: 'conditional', old: null, new: true }],
    ]);
    expect(diff.summary).toMatchObject({ tightened: 2, loosened: 2 });
  });

  it('pairs a proof whose number was reused by its text, not its number', () => {
    const proofs = (list: [string, string][]) => [{ id: 'P.01.01', text: 'Scénario', proofs: list.map(([id, text]) => ({ id, text })) }];
    const before = catalog('A', [requirement('P.01', { scenarios: proofs([['P.01.01.01', 'Capture'], ['P.01.01.02', 'Journal']]) })]);
    const after = catalog('B', [requirement('P.01', { scenarios: proofs([['P.01.01.01', 'Capture'], ['P.01.01.02', 'Vidéo'], ['P.01.01.03', 'Journal']]) })]);
    expect(diffCatalogs(before, after).requirements[0]!.proofs).toEqual([
      { status: 'unchanged', old: 'P.01.01.01', new: 'P.01.01.01', match: { by: 'id' } },
      { status: 'added', new: 'P.01.01.02' },
      { status: 'renumbered', old: 'P.01.01.02', new: 'P.01.01.03', match: { by: 'text' } },
    ]);
  });

  it('ignores whitespace-only edits and gives the same JSON twice', () => {
    const before = catalog('A', [requirement('W.01', { statement: 'Le  logiciel\nDOIT faire.' })]);
    const after = catalog('B', [requirement('W.01', { statement: 'Le logiciel DOIT faire. ' })]);
    const diff = diffCatalogs(before, after);
    expect(diff.requirements[0]!.status).toBe('unchanged');
    expect(JSON.stringify(diffCatalogs(before, after))).toBe(JSON.stringify(diff));
  });
});
