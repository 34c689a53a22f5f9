// The real ANS layouts of ../shared/corpus/rem/ans-squash-templates/ (Squash TM export plugin).
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/catalog/import.js';
import { loadColumnsMap } from '../../src/catalog/header/columns-map.js';
import { corpusPath, corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { columnsFixture, countsOf, segurErrorOf } from './helpers.js';

const template = (name: string) => corpusPath(`rem/ans-squash-templates/${name}`);
const STATEMENT =
  "Le système vérifie au moment de la récupération du document que le numéro de document unique ne figure pas déjà dans le système. S'il existe déjà dans la même version, le système ne DOIT pas intégrer";

describe.skipIf(!hasCorpus)(`ANS REM layouts${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  it('template-export-convergence.xlsx (single proof pair, Profil historique, Criticité, Ordre)', async () => {
    const { catalog, explanation } = await importWorkbook(template('template-export-convergence.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 1, scenarios: 1, proofs: 1 });
    expect(catalog.requirements[0]).toEqual({
      id: 'MSS/CDA.01',
      scope: 'Vague 1',
      chapter: "Modalités d'intégration d'un document au format CDA",
      function: "Intégration d'un document CDA reçu",
      statement: STATEMENT,
      comment: 'test',
      nature: 'EXIGENCE',
      conditional: null,
      profiles: ['Général'],
      criticality: 'Mineure',
      order: '1',
      scenarios: [{ id: 'MSS/CDA.01.01', text: STATEMENT, proofs: [{ id: 'MSS/CDA.01.01.01', text: STATEMENT }] }],
    });
    expect(explanation.natureColumnAbsent).toBe(true);
    expect(explanation.ignored).toEqual([{ index: 11, header: 'Profil historique', reason: 'unused' }]);
  });

  it.each([
    ['template-segur-requirement-export.xlsx', 0],
    ['template-segur-requirement-export-avec-colonnes-prepub.xlsx', 7],
  ])('%s (Va2 headers, ten proof pairs, numberless template padding)', async (name, reviewerColumns) => {
    const { catalog, explanation } = await importWorkbook(template(name));
    expect(countsOf(catalog)).toEqual({ requirements: 1, scenarios: 1, proofs: 1 });
    expect(catalog.requirements[0]).toEqual({
      id: 'MSS/CDA.01',
      chapter: "Modalités d'intégration d'un document au format CDA",
      block: "Intégration d'un document CDA reçu",
      function: "Intégration d'un document CDA reçu",
      statement: STATEMENT,
      nature: 'EXIGENCE',
      conditional: false,
      profiles: ['Général'],
      scenarios: [{ id: 'MSS/CDA.01.01', text: STATEMENT, proofs: [{ id: 'MSS/CDA.01.01.01', text: STATEMENT }] }],
    });
    expect(explanation.stats.proofTextsWithoutNumber).toBe(9);
    expect(explanation.ignored.filter((column) => column.reason === 'reviewer')).toHaveLength(reviewerColumns);
    expect(explanation.ignored.filter((column) => column.reason === 'unused').map((column) => column.header)).toEqual(['ID Section']);
  });

  it('template-segur-requirement-export-avec-colonnes-prepub-modifie.xlsx (new column order, publication and reviewer columns)', async () => {
    const { catalog, explanation } = await importWorkbook(template('template-segur-requirement-export-avec-colonnes-prepub-modifie.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 1, scenarios: 1, proofs: 1 });
    expect(catalog.requirements[0]).toMatchObject({
      id: 'MSS/CDA.01',
      scope: 'Vague 1',
      comment: 'Ceci est un commentaire',
      nature: 'EXIGENCE',
      conditional: null,
      previousId: 'test',
      criticality: 'Mineure',
      order: '1',
    });
    expect(explanation.ignored.map((column) => column.header)).toEqual([
      'bon pour publication',
      'référence exigence',
      'référence cas de test',
      'référence exigence socle',
      'points de vérification',
      'Note interne',
      'Rem Ségur',
    ]);
  });

  it('template-segur-requirement-export-modifie.xlsx: the sample row is shifted under the new header, so it is refused with its row', async () => {
    // The header has the new column order but the row still follows the old one (ID column holds
    // "NON", nature column holds a function name): importing it would invent a requirement "NON".
    const error = await segurErrorOf(importWorkbook(template('template-segur-requirement-export-modifie.xlsx')));
    expect(error.code).toBe('catalog/bad-nature');
    expect(error.args).toMatchObject({ sheet: 'Exigences', row: 2, value: "Intégration d'un document CDA reçu" });
  });

  it('expectedGenerateExcelFile.xlsx (HTML cells, repeated rows merged, proofs shared between scenarios)', async () => {
    const { catalog } = await importWorkbook(template('expectedGenerateExcelFile.xlsx'));
    expect(countsOf(catalog)).toEqual({ requirements: 2, scenarios: 4, proofs: 3 });
    const [psc, sc] = catalog.requirements;
    expect(psc).toMatchObject({
      id: 'PSC.03',
      statement: "texte de l'éxigence avec paragraphes :\nP1 : text\nP2 : text 2",
      comment: 'Ceci est un autre commentaire',
      publicationStatus: 'Inchangée',
      nature: 'EXIGENCE',
    });
    expect(psc!.scenarios).toEqual([
      {
        id: 'INS.01.01',
        text: 'paragraphe\nligne 1\nligne 2\nligne 3\nparagraphe 1\nparagraphe 2',
        proofs: [
          { id: 'INS.01.01', text: 'résultat attendu avec paragraphe (order 2) & (ampersand) ou > (supérieur)' },
          { id: 'INS.01.10', text: 'résultat attendu step 2 (order 1)\n- 1ere ligne\n- 2eme ligne' },
        ],
      },
    ]);
    expect(sc!.statement).toBe(
      'Lorsqu\'une BAL est bloquée par un administrateur global, des "traces fonctionnelles" et applicatives sont constituées et doivent au moins contenir les informations suivantes :\n- type d\'action ;\n- identité de son auteur ;\n- dates et heures ;\n- moyens techniques utilisés (LPS, WPS, etc..) ;\n- adresse réseau\n- ...',
    );
    expect(sc!.scenarios.map((scenario) => [scenario.id, scenario.proofs.length])).toEqual([
      ['INS.01.01', 0],
      ['INS.02.01', 0],
      ['INS.04.01', 1],
    ]);
    expect(sc!.scenarios[0]!.text).toBe(
      "description du cas de test sans pré-requis et sans steps avec l'apostrophe\n3. element ordonné (la liste démarre à 3)\n4. element ordonné ( deuxième élément de la liste : numéro 4)\nreprise du texte après la liste, il faut Une ligne blanche avant",
    );
  });

  it('export_full_lgc.xlsx (raw Squash export) is an unknown layout without a map', async () => {
    const error = await segurErrorOf(importWorkbook(template('export_full_lgc.xlsx')));
    expect(error.code).toBe('catalog/no-header');
    expect(String(error.args.seen).split('\n')).toEqual([
      '  « REQUIREMENT » : PROJECT_ID, PROJECT_NAME, REQ_PATH, REQ_NUM, REQ_ID, REQ_VERSION_NUM, REQ_VERSION_ID, REQ_VERSION_REFERENCE, REQ_VERSION_NAME, REQ_VERSION_CRITICALITY, REQ_VERSION_CATEGORY, REQ_VERSION_STATUS, … (+16)',
      '  « LINK_REQ_TC » : REQ_PATH, REQ_VERSION_NUM, TC_PATH',
      '  « LINK_REQ_REQ » : REQ_PATH, REQ_VERSION_NUM, RELATED_REQ_PATH, RELATED_REQ_VERSION_NUM, RELATED_REQ_ROLE',
    ]);
  });

  it('export_full_lgc.xlsx imports through fixtures/columns/export_full_lgc.yaml', async () => {
    const columnsMap = await loadColumnsMap(columnsFixture('export_full_lgc.yaml'));
    const { catalog, explanation } = await importWorkbook(template('export_full_lgc.xlsx'), { columnsMap });
    expect(countsOf(catalog)).toEqual({ requirements: 12, scenarios: 0, proofs: 0 });
    expect(catalog.source.sheet).toBe('REQUIREMENT');
    expect(catalog.requirements.map((requirement) => requirement.id)).toEqual([
      '24706', '24707', '24708', '24705', '24695', '24696', '24697', '24698', '24699', '24700', '24701', '24702',
    ]);
    expect(catalog.requirements[0]).toEqual({
      id: '24706',
      chapter: '',
      function: 'exigence 1',
      statement: '',
      nature: 'EXIGENCE',
      conditional: null,
      profiles: ['Général'],
      criticality: 'MINOR',
      publicationStatus: 'UNDER_REVIEW',
      scenarios: [],
    });
    expect(catalog.requirements[8]).toMatchObject({ function: 'exigence socle 1', statement: "description de l'exigence socle 1" });
    expect(explanation.ignored.filter((column) => column.reason === 'mapped-ignore').map((column) => column.header)).toEqual([
      'REQ_VERSION_CUF_APPROB',
      'REQ_VERSION_CUF_NOTE_INTERNE',
      'REQ_VERSION_CUF_SEGUR_REM',
    ]);
    expect(JSON.stringify(catalog)).not.toContain('note interne');
  });
});
