// What Excel shows is what segur reads (issue 8, point 5): hidden sheets, hidden rows and columns,
// control characters pasted from Word — on the fixtures of scripts/fixtures/rem-excel-view.ts.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/catalog/import.js';
import { renderExplanation, rowRanges } from '../../src/catalog/commands/explain.js';
import { replaceControlCharacters } from '../../src/catalog/xlsx/pasted-text.js';
import { cleanCellText } from '../../src/catalog/cell-text.js';
import { countsOf, remFixture, segurErrorOf } from './helpers.js';

describe('hidden sheets', () => {
  it('skips a hidden archive sheet placed first when a visible sheet has a REM header, and says so', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-hidden-sheet-first.xlsx'));
    expect(explanation.sheet).toBe('Exigences');
    expect(explanation.sheetState).toBe('visible');
    expect(explanation.hiddenSheetsSkipped).toEqual([
      { name: 'Archive 2023', state: 'hidden' },
      { name: 'Paramètres', state: 'veryHidden' },
    ]);
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 2, proofs: 2 });
    expect(catalog.requirements[0]!.statement).toBe('Le logiciel DOIT appeler INSi à chaque création d’identité.');
    const text = renderExplanation(explanation, 'fr');
    expect(text).toContain(
      'Feuilles masquées ignorées (une feuille visible a un en-tête de REM ; --sheet pour en lire une) : « Archive 2023 » (masquée), « Paramètres » (très masquée).',
    );
  });

  it('reads a hidden sheet named by --sheet, and says it is hidden', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-hidden-sheet-first.xlsx'), { sheet: 'Archive 2023' });
    expect(explanation).toMatchObject({ sheet: 'Archive 2023', sheetState: 'hidden', sheetForced: true, hiddenSheetsSkipped: [] });
    expect(catalog.source.sheet).toBe('Archive 2023');
    expect(catalog.requirements[0]!.statement).toBe('Ancienne rédaction : le logiciel DOIT appeler INSi.');
    expect(renderExplanation(explanation, 'fr').split('\n')[1]).toBe(
      '  Cette feuille est masquée dans Excel : lue parce que --sheet (ou « sheet: » de --columns) la désigne.',
    );
  });

  it('falls back to hidden sheets only when no visible sheet has a REM header', async () => {
    const { explanation } = await importWorkbook(remFixture('layout-hidden-sheet-first.xlsx'), { sheet: 'Paramètres' });
    expect(explanation.sheetState).toBe('veryHidden');
    const error = await segurErrorOf(importWorkbook(remFixture('layout-hidden-sheet-first.xlsx'), { sheet: 'Absente' }));
    expect(error.code).toBe('catalog/sheet-not-found');
    expect(error.args.sheets).toBe('« Archive 2023 », « Paramètres », « Exigences »');
  });
});

describe('hidden rows and columns', () => {
  it('reads hidden rows (a filter must not drop requirements) and names them; the visible one of two same columns wins', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-hidden-rows-columns.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 3, proofs: 3 });
    expect(catalog.requirements.map((requirement) => requirement.statement)).toEqual(['Le logiciel DOIT alimenter le DMP.', 'Le logiciel DOIT permettre le masquage.']);
    expect(explanation.stats.hiddenRowsUsed).toEqual([3]);
    expect(explanation.columns.slice(0, 2)).toEqual([
      { index: 0, header: 'ID', field: 'id' },
      { index: 2, header: 'Exigence', field: 'statement' },
    ]);
    expect(explanation.ignored).toEqual([
      { index: 1, header: 'Exigence', reason: 'duplicate', hidden: true },
      { index: 7, header: 'Note interne', reason: 'reviewer', hidden: true },
    ]);
    const text = renderExplanation(explanation, 'fr');
    expect(text).toContain('  B « Exigence » (doublon d’une colonne déjà lue) [colonne masquée dans Excel]');
    expect(text).toContain(
      '  1 ligne(s) masquée(s) dans Excel (filtre, groupe replié ou masquage manuel) lue(s) comme les autres : 3. Supprimez-les du classeur si elles ne font pas partie du REM.',
    );
  });

  it('names hidden rows as ranges', () => {
    expect(rowRanges([3, 4, 5, 9, 11, 12])).toBe('3-5, 9, 11-12');
    expect(rowRanges(Array.from({ length: 30 }, (_, index) => index * 2))).toBe(`${Array.from({ length: 20 }, (_, index) => index * 2).join(', ')}, …`);
  });
});

describe('control characters from Word and Excel pastes', () => {
  it('become line breaks or spaces in the catalog, never control characters or U+FFFD', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-control-characters.xlsx'));
    const [requirement] = catalog.requirements;
    expect(explanation.columns.find((column) => column.field === 'scenario')?.header).toBe('Scénario de conformité');
    expect(requirement).toMatchObject({
      function: 'Appel INSi',
      statement: 'Le logiciel DOIT afficher l’INS.\nVoir aussi la note\nde l’ANS.',
      scenarios: [{ text: 'Affichage du statut   😀', proofs: [{ text: 'Capture\nd’écran' }] }],
    });
    expect(explanation.cellsWithControlCharacters).toBe(5);
    expect(JSON.stringify(catalog)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd]|\\u/);
    expect(renderExplanation(explanation, 'fr')).toContain('  5 cellule(s) contenaient des caractères de contrôle');
  });

  it.each([
    ['ligne\u000bsuite', 'ligne\nsuite'],
    ['saut\u000cde page', 'saut\nde page'],
    ['a\u0085b\u2028c\u2029d', 'a\nb\nc\nd'],
    ['cloche\u0007 nul\u0000 échap\u001b del\u007f c1\u0092', 'cloche  nul  échap  del  c1 '],
    ['seul \ud83d et \ude00 paire \ud83d\ude00', 'seul   et   paire 😀'],
    ['tab\tligne\nretour\r', undefined],
    ['Préconisation « ordinaire »', undefined],
  ])('%j → %j', (text, expected) => {
    expect(replaceControlCharacters(text)).toBe(expected);
  });

  it('character references to C1 controls read as windows-1252 (as HTML does), other controls replaced', () => {
    expect(cleanCellText('l&#146;INS &#150; note')).toBe('l’INS – note');
    expect(cleanCellText('<p>a&#8232;b</p><p>c&#133;d</p>')).toBe('a b\nc…d');
    expect(cleanCellText('a&#129;b')).toBe('a b');
  });
});
