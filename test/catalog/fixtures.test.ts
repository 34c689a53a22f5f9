// Every REM fixture written by scripts/fixtures/rem.ts, imported in-process with exact expectations.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/catalog/import.js';
import { countsOf, remFixture, segurErrorOf } from './helpers.js';

describe('layout fixtures', () => {
  it('title rows above the header, a read-me sheet first, header spelling variants', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-title-rows.xlsx'));
    expect(explanation.sheet).toBe('Exigences REM vague 2');
    expect(explanation.headerRow).toBe(4);
    expect(catalog.source.sheet).toBe('Exigences REM vague 2');
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 3, proofs: 3 });
    expect(catalog.requirements.map((requirement) => [requirement.id, requirement.nature, requirement.scope])).toEqual([
      ['SC.MSS/CONF.21', 'EXIGENCE', 'Vague 2'],
      ['LGC.MSS/UX.05', 'PRECONISATION', 'Vague 2'],
    ]);
    expect(catalog.requirements[0]!.scenarios.map((scenario) => scenario.id)).toEqual(['SC.MSS/CONF.21.01', 'SC.MSS/CONF.21.02']);
    expect(catalog.requirements[0]!.chapter).toBe('Gestion de la MSSanté');
  });

  it('vertically merged requirement and scenario cells are filled down', async () => {
    const { catalog } = await importWorkbook(remFixture('layout-merged-cells.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 4, proofs: 5 });
    const [first, second] = catalog.requirements;
    expect(first).toMatchObject({ id: 'DMP/va1.02', statement: 'Le logiciel DOIT alimenter le DMP.', profiles: ['Général'] });
    expect(first!.scenarios.map((scenario) => scenario.id)).toEqual(['DMP/va1.02.01', 'DMP/va1.02.02', 'DMP/va1.02.03']);
    expect(second!.scenarios).toEqual([
      {
        id: 'DMP/va1.03.01',
        text: 'Masquage d’un document envoyé.',
        proofs: [
          { id: 'DMP/va1.03.01.01', text: 'Capture d’écran du masquage' },
          { id: 'DMP/va1.03.01.02', text: 'Métadonnées du document masqué' },
        ],
      },
    ]);
  });

  it('rich-text cells come out as one string; numbers and dates as text', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-rich-text.xlsx'));
    expect(explanation.columns.slice(0, 1)).toEqual([{ index: 0, header: 'ID', field: 'id' }]);
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 2, proofs: 2 });
    expect(catalog.requirements[0]).toEqual({
      id: 'ANN/va1.01',
      chapter: 'Annuaire',
      function: 'Recherche',
      statement: 'Le logiciel DOIT interroger l’annuaire santé.',
      comment: '2024-03-01',
      nature: 'EXIGENCE',
      conditional: null,
      profiles: ['Général'],
      criticality: 'Majeure',
      order: '3',
      scenarios: [{ id: 'ANN/va1.01.01', text: 'Recherche d’un professionnel.', proofs: [{ id: 'ANN/va1.01.01.01', text: 'Capture d’écran' }] }],
    });
    expect(catalog.requirements[1]).toMatchObject({ comment: '12.5', order: '12' });
    expect(catalog.requirements[1]!.scenarios[0]!.proofs[0]!.text).toBe('Document CDA intégré');
  });

  it('HTML cells become text with lines and bullets, entities decoded even when escaped twice', async () => {
    const { catalog } = await importWorkbook(remFixture('layout-html.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 1, scenarios: 1, proofs: 2 });
    const requirement = catalog.requirements[0]!;
    expect(requirement.statement).toBe("Lorsqu'une BAL est bloquée, le logiciel DOIT tracer :\n- le type d'action ;\n- l'identité de son auteur ;");
    expect(requirement.scenarios[0]).toEqual({
      id: 'AMBU.MSS/va1.02.01',
      text: "Blocage d'une BAL\npuis consultation des traces",
      proofs: [
        { id: 'AMBU.MSS/va1.02.01.01', text: '2. Extrait des traces\n3. Horodatage > 0' },
        { id: 'AMBU.MSS/va1.02.01.02', text: "Capture d'écran & journal" },
      ],
    });
  });

  it('ten proof pairs; proof texts without a number are template padding', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-ten-proofs.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 2, proofs: 11 });
    expect(catalog.requirements[0]!.scenarios[0]!.proofs.map((proof) => proof.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `SC.CDA/VISU.03.01.${String(i + 1).padStart(2, '0')}`),
    );
    expect(catalog.requirements[1]!.scenarios[0]!.proofs).toEqual([{ id: 'SC.PSC.01.01.01', text: 'Vidéo de la connexion' }]);
    expect(explanation.stats.proofTextsWithoutNumber).toBe(2);
    expect(explanation.columns.filter((column) => column.field.startsWith('proof'))).toHaveLength(20);
  });

  it('reviewer-only columns are ignored and reported; publication columns are kept', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-reviewer-columns.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 2, proofs: 2 });
    expect(explanation.ignored).toEqual([
      { index: 16, header: 'bon pour publication', reason: 'reviewer' },
      { index: 17, header: 'référence exigence', reason: 'reviewer' },
      { index: 18, header: 'référence cas de test', reason: 'reviewer' },
      { index: 19, header: 'référence exigence socle', reason: 'reviewer' },
      { index: 20, header: 'points de vérification', reason: 'reviewer' },
      { index: 21, header: 'Note interne', reason: 'reviewer' },
      { index: 22, header: 'Rem Ségur', reason: 'reviewer' },
    ]);
    expect(catalog.requirements[0]).toMatchObject({ id: 'SENTINELLE.20', publicationStatus: 'Modifiée', previousId: 'SENTINELLE.19', criticality: 'Majeure', order: '1' });
    expect(catalog.requirements[1]).toMatchObject({ id: 'LABEL.06', nature: 'PRECONISATION', publicationStatus: 'Inchangée' });
    expect(catalog.requirements[1]).not.toHaveProperty('previousId');
    expect(JSON.stringify(catalog)).not.toContain('relu le 3/2');
  });

  it('Vague 2 headers: N° exigence, Section beside ID Section, long statement header; conditional and profiles', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-va2-headers.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 3, scenarios: 3, proofs: 4 });
    expect(explanation.ignored).toEqual([{ index: 2, header: 'ID Section', reason: 'unused' }]);
    expect(catalog.requirements.map((requirement) => [requirement.id, requirement.conditional, requirement.profiles])).toEqual([
      ['MSS/CDA.01', false, ['Général', 'Centre de santé']],
      ['LGC.MSS/UX.07', true, ['Centre de santé', 'Maison de santé']],
      ['LGC.MSS/UX.08', null, ['Général']],
    ]);
    expect(catalog.requirements[0]).toMatchObject({ chapter: 'Modalités d’intégration d’un document CDA', block: 'Réception', function: 'Intégration d’un document reçu' });
  });

  it('no nature column: every requirement is an EXIGENCE, and the explanation says it was assumed', async () => {
    const { catalog, explanation } = await importWorkbook(remFixture('layout-no-nature.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 2, proofs: 2 });
    expect(catalog.requirements.map((requirement) => requirement.nature)).toEqual(['EXIGENCE', 'EXIGENCE']);
    expect(explanation.natureColumnAbsent).toBe(true);
  });

  it('the sample REM holds the seven agreed requirements in order', async () => {
    const { catalog } = await importWorkbook(remFixture('REM-SAMPLE-LGC.xlsx'));
    expect(catalog.id).toBe('REM-SAMPLE-LGC');
    expect(catalog.title).toContain('exemple fictif');
    expect(countsOf(catalog)).toEqual({ requirements: 7, scenarios: 8, proofs: 10 });
    expect(
      catalog.requirements.map((r) => [r.id, r.chapter, r.nature, r.conditional, r.profiles.join('|'), r.scope, r.scenarios.map((s) => `${s.id}→${s.proofs.map((p) => p.id).join(',')}`).join(' ; ')]),
    ).toEqual([
      ['INS/va1.01', "Gestion de l'INS", 'EXIGENCE', false, 'Général', 'Vague 1', 'INS/va1.01.01→INS/va1.01.01.01,INS/va1.01.01.02'],
      ['INS/va1.02', "Gestion de l'INS", 'EXIGENCE', false, 'Général', 'Vague 1', 'INS/va1.02.01→INS/va1.02.01.01 ; INS/va1.02.02→INS/va1.02.02.01'],
      ['DMP/va1.01', 'Alimentation du DMP', 'EXIGENCE', true, 'Général', 'Vague 1', 'DMP/va1.01.01→DMP/va1.01.01.01,DMP/va1.01.01.02'],
      ['MSS/va1.01', 'Gestion de la MSSanté', 'EXIGENCE', false, 'Général', 'Vague 1', 'MSS/va1.01.01→MSS/va1.01.01.01'],
      ['ERGO/va1.05', 'Gestion et partage des documents', 'PRECONISATION', true, 'Général', 'Vague 1', 'ERGO/va1.05.01→ERGO/va1.05.01.01'],
      ['SC.SSI/IE.58', 'Sécurité des SI', 'EXIGENCE', true, 'Général', 'Vague 1', 'SC.SSI/IE.58.01→SC.SSI/IE.58.01.01'],
      ['LGC.MDV.06', 'Gestion et partage des documents', 'EXIGENCE', false, 'Centre de santé', 'Vague 1', 'LGC.MDV.06.01→LGC.MDV.06.01.01'],
    ]);
    expect(catalog.requirements.map((r) => r.function)).toEqual([
      'Appel au téléservice INSi',
      "Qualification de l'identité",
      "Envoi d'un document au DMP",
      "Envoi d'un message MSSanté",
      'Aperçu avant envoi',
      'Journalisation',
      'Module centre de santé',
    ]);
  });
});

describe('defective fixtures', () => {
  it.each([
    ['bad-csv-named.xlsx', 'catalog/not-a-zip', {}],
    ['bad-legacy.xls', 'catalog/ole-container', {}],
    ['bad-encrypted.xlsx', 'catalog/ole-container', {}],
    ['bad-two-statements.xlsx', 'catalog/conflicting-requirement', { sheet: 'Exigences', id: 'INS/va1.01', column: 'Exigence', firstRow: 2, row: 4 }],
    ['bad-proof-without-scenario.xlsx', 'catalog/proof-without-scenario', { sheet: 'Exigences', row: 3, proof: 'DMP/va1.01.02.01' }],
    ['hostile-doctype.xlsx', 'catalog/xml-doctype', { part: 'xl/worksheets/sheet1.xml' }],
    ['hostile-zip-bomb.xlsx', 'catalog/zip-too-large', { maxMb: 100 }],
  ])('%s → %s', async (name, code, args) => {
    const error = await segurErrorOf(importWorkbook(remFixture(name)));
    expect(error.code).toBe(code);
    expect(error.args).toEqual({ file: remFixture(name), ...args });
  });

  it('bad-no-header.xlsx lists the headers seen in each sheet', async () => {
    const error = await segurErrorOf(importWorkbook(remFixture('bad-no-header.xlsx')));
    expect(error.code).toBe('catalog/no-header');
    expect(error.args.seen).toBe('  « Feuil1 » : Code, Libellé, Description\n  « Notes » : Remarques diverses');
  });
});
