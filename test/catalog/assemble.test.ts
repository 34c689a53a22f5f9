// Row assembly on in-memory sheets: grouping, merging, and each data error with its rows.
import { describe, expect, it } from 'vitest';
import { assembleRequirements } from '../../src/catalog/assemble.js';
import { findHeader } from '../../src/catalog/header/detect.js';
import { isSegurError } from '../../src/errors.js';
import { gridOf } from './helpers.js';

const HEADER = ['ID', 'Exigence', 'Exigence conditionnelle OUI/NON', "Nature de l'exigence", 'N° scénario', 'Scénario de conformité', 'N° preuve 1', 'Preuve 1', 'N° preuve 2', 'Preuve 2'];

function assemble(rows: string[][]) {
  const mapping = findHeader('t.xlsx', [gridOf('Exigences', [HEADER, ...rows])]);
  return assembleRequirements('t.xlsx', mapping);
}

function errorOf(rows: string[][]) {
  try {
    assemble(rows);
  } catch (error) {
    if (isSegurError(error)) return { code: error.code, args: error.args };
    throw error;
  }
  throw new Error('expected a SegurError');
}

describe('assembleRequirements', () => {
  it('groups rows by ID in workbook order and merges repeated scenarios and proofs', () => {
    const { requirements, stats } = assemble([
      ['A.01', 'Énoncé A', 'oui', 'exigence', 'A.01.01', 'Scénario 1', 'A.01.01.01', 'Preuve 1'],
      ['B.01', 'Énoncé B', 'NON', 'Préconisation', 'B.01.01', 'Scénario B', '', '', '', ''],
      ['A.01', '', '', '', 'A.01.01', '', 'A.01.01.01', '', 'A.01.01.02', 'Preuve 2'],
      ['A.01', 'Énoncé A', 'OUI', 'EXIGENCE', 'A.01.02', 'Scénario 2', 'A.01.02.01', 'Preuve 3'],
      [],
      ['', 'note de bas de page'],
    ]);
    expect(requirements.map((r) => [r.id, r.nature, r.conditional, r.scenarios.map((s) => `${s.id}:${s.proofs.map((p) => p.id).join('+')}`)])).toEqual([
      ['A.01', 'EXIGENCE', true, ['A.01.01:A.01.01.01+A.01.01.02', 'A.01.02:A.01.02.01']],
      ['B.01', 'PRECONISATION', false, ['B.01.01:']],
    ]);
    expect(requirements[0]!.scenarios[0]!.proofs[0]!.text).toBe('Preuve 1');
    expect(stats).toEqual({ rowsUsed: 4, rowsSkipped: 1, proofTextsWithoutNumber: 0, scenarioTextsWithoutNumber: 0, natureAssumed: 0, hiddenRowsUsed: [] });
  });

  it('counts requirements whose nature cell is empty (taken as EXIGENCE)', () => {
    const { requirements, stats } = assemble([['A.01', 'Énoncé', '', '', 'A.01.01', 'S']]);
    expect(requirements[0]!.nature).toBe('EXIGENCE');
    expect(requirements[0]!.conditional).toBeNull();
    expect(stats.natureAssumed).toBe(1);
  });

  it.each([
    ['a scenario number without requirement ID', [['', '', '', '', 'A.01.01', 'S']], 'catalog/row-without-id', { row: 2 }],
    ['a proof number without scenario', [['A.01', 'E', '', '', '', '', 'A.01.01.01', 'P']], 'catalog/proof-without-scenario', { row: 2, proof: 'A.01.01.01' }],
    [
      'two statements for one ID',
      [['A.01', 'E1'], ['B.01', 'E'], ['A.01', 'E2']],
      'catalog/conflicting-requirement',
      { id: 'A.01', column: 'Exigence', firstRow: 2, row: 4 },
    ],
    [
      'two conditional values for one ID',
      [['A.01', 'E', 'OUI'], ['A.01', 'E', 'NON']],
      'catalog/conflicting-requirement',
      { id: 'A.01', column: 'Exigence conditionnelle OUI/NON', firstRow: 2, row: 3 },
    ],
    ['two texts for one scenario', [['A.01', 'E', '', '', 'A.01.01', 'S1'], ['A.01', 'E', '', '', 'A.01.01', 'S2']], 'catalog/conflicting-scenario', { scenario: 'A.01.01', firstRow: 2, row: 3 }],
    [
      'two texts for one proof',
      [['A.01', 'E', '', '', 'A.01.01', 'S', 'A.01.01.01', 'P1'], ['A.01', 'E', '', '', 'A.01.01', 'S', 'A.01.01.01', 'P2']],
      'catalog/conflicting-proof',
      { proof: 'A.01.01.01', firstRow: 2, row: 3 },
    ],
    ['an unknown nature', [['A.01', 'E', '', 'OBLIGATOIRE']], 'catalog/bad-nature', { row: 2, value: 'OBLIGATOIRE' }],
    ['an unknown conditional value', [['A.01', 'E', 'peut-être']], 'catalog/bad-conditional', { row: 2, value: 'peut-être' }],
    ['no requirement under the header', [['', 'texte seul']], 'catalog/no-requirements', { row: 1 }],
  ])('%s → %s', (_name, rows, code, args) => {
    expect(errorOf(rows as string[][])).toEqual({ code, args: { file: 't.xlsx', sheet: 'Exigences', ...args } });
  });
});
