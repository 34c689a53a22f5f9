import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../src/catalog/header/normalise.js';
import { knownHeaderMeaning } from '../../src/catalog/header/fields.js';
import { findHeader, mapHeaderRow } from '../../src/catalog/header/detect.js';
import { splitProfiles } from '../../src/catalog/cell-values.js';
import { isSegurError } from '../../src/errors.js';
import { gridOf } from './helpers.js';

const row = (cells: string[]) => [...cells.entries()];

describe('header names', () => {
  it.each([
    ['Périmètre', { field: 'scope' }],
    ['PÉRIMÈTRE', { field: 'scope' }],
    ['ID', { field: 'id' }],
    ['N° exigence', { field: 'id' }],
    ['Nº  Exigence', { field: 'id' }],
    ['Chapitre', { field: 'chapter' }],
    ['Section', { field: 'chapter' }],
    ['ID Section', { ignored: 'unused' }],
    ['Bloc', { field: 'block' }],
    ['Fonction', { field: 'function' }],
    ['Exigence', { field: 'statement' }],
    ["Énoncé de l'exigence (DOIT) ou de la préconisation (PEUT)", { field: 'statement' }],
    ['Énoncé de l’exigence (DOIT)\nou de la préconisation (PEUT)', { field: 'statement' }],
    ['Commentaire', { field: 'comment' }],
    ["Nature de l'exigence", { field: 'nature' }],
    ['Nature de l’exigence', { field: 'nature' }],
    ['Exigence conditionnelle OUI/NON', { field: 'conditional' }],
    ['Profil', { field: 'profile' }],
    ['N° scénario', { field: 'scenarioId' }],
    ['n°scenario', { field: 'scenarioId' }],
    ['Numéro de scénario', { field: 'scenarioId' }],
    ['N° du scénario', { field: 'scenarioId' }],
    ['N° de preuve 2', { field: 'proofId2' }],
    ['No. preuve', { field: 'proofId1' }],
    ['Scénario de\nconformité', { field: 'scenario' }],
    ['N° preuve', { field: 'proofId1' }],
    ['Preuve', { field: 'proof1' }],
    ['N° preuve 1', { field: 'proofId1' }],
    ['N° preuve 10', { field: 'proofId10' }],
    ['Preuve 7', { field: 'proof7' }],
    ['Statut publication', { field: 'publicationStatus' }],
    ['VA N-1', { field: 'previousId' }],
    ['Criticité', { field: 'criticality' }],
    ['Ordre', { field: 'order' }],
    ['bon pour publication', { ignored: 'reviewer' }],
    ['référence exigence', { ignored: 'reviewer' }],
    ['référence cas de test', { ignored: 'reviewer' }],
    ['référence exigence socle', { ignored: 'reviewer' }],
    ['points de vérification', { ignored: 'reviewer' }],
    ['Note interne', { ignored: 'reviewer' }],
    ['Rem Ségur', { ignored: 'reviewer' }],
    ['Profil historique', { ignored: 'unused' }],
  ])('%j', (header, meaning) => {
    expect(knownHeaderMeaning(normaliseHeader(header))).toEqual(meaning);
  });

  it.each(['N° preuve 11', 'Preuve 0', 'REQ_ID', 'Exigences', 'constructor', '__proto__', 'toString'])('%j is not a REM header', (header) => {
    expect(knownHeaderMeaning(normaliseHeader(header))).toBeUndefined();
  });

  it('keeps the first of two columns with the same meaning and reports the second', () => {
    const mapping = mapHeaderRow(row(['ID', 'Exigence', 'N° exigence', 'Code']));
    expect(mapping.columns).toEqual([
      { index: 0, header: 'ID', field: 'id' },
      { index: 1, header: 'Exigence', field: 'statement' },
    ]);
    expect(mapping.ignored).toEqual([
      { index: 2, header: 'N° exigence', reason: 'duplicate' },
      { index: 3, header: 'Code', reason: 'unknown' },
    ]);
  });

  it('lets a columns map name fields and ignore columns', () => {
    const userMap = { columns: new Map([[normaliseHeader('REQ_ID'), 'id' as const], [normaliseHeader('DESC'), 'statement' as const], ['note', 'ignore' as const]]) };
    const mapping = mapHeaderRow(row(['REQ_ID', 'DESC', 'Note']), userMap);
    expect(mapping.columns.map((column) => column.field)).toEqual(['id', 'statement']);
    expect(mapping.ignored).toEqual([{ index: 2, header: 'Note', reason: 'mapped-ignore' }]);
  });

  it('finds the header under title rows, in a later sheet, and picks the row with most known headers', () => {
    const readme = gridOf('Lisez-moi', [['ID', 'Exigence'], ['texte']]);
    const sheet = gridOf('Exigences', [['Titre'], undefined, ['ID', 'Chapitre', 'Exigence', 'N° scénario'], ['X.01', 'c', 's', 'X.01.01']]);
    const mapping = findHeader('f.xlsx', [readme, sheet]);
    expect(mapping.sheet.name).toBe('Exigences');
    expect(mapping.headerRow).toBe(3);
  });

  it('fails with the headers seen when no row has an ID and a statement column', () => {
    try {
      findHeader('f.xlsx', [gridOf('Feuil1', [undefined, ['Code', 'Libellé']])]);
      expect.unreachable();
    } catch (error) {
      expect(isSegurError(error) && error.code).toBe('catalog/no-header');
      expect(isSegurError(error) && error.args).toEqual({ file: 'f.xlsx', seen: '  « Feuil1 » : Code, Libellé' });
    }
  });
});

describe('profiles', () => {
  it('splits on commas, semicolons and line breaks, without duplicates', () => {
    expect(splitProfiles('Général, Centre de santé;\nMaison de santé; Général')).toEqual(['Général', 'Centre de santé', 'Maison de santé']);
    expect(splitProfiles('')).toEqual([]);
  });
});
