// A large synthetic ReportContext (a REM the size of the real LGC ones, everything failing) to check
// that the formats stay within their limits (the PR comment size) on big inputs.
import type { Catalog } from '../../src/catalog/schema.js';
import type { Report, ReportContext, ReportFinding, RequirementResult } from '../../src/report/model.js';

export function largeContext(requirementCount: number, generalFindings = 0): ReportContext {
  const ids = Array.from({ length: requirementCount }, (_, index) => `LGC/va1.${String(index + 1).padStart(4, '0')}`);
  const catalog: Catalog = {
    schema: 'segur-catalog/1',
    id: 'REM-LARGE',
    title: 'Grand REM synthétique',
    source: { file: 'REM-LARGE.xlsx', sheet: 'Exigences', sha256: '1'.repeat(64) },
    requirements: ids.map((id, index) => ({
      id,
      chapter: `Chapitre ${index % 12}`,
      function: `Fonction ${index}`,
      statement: `Le logiciel DOIT faire la chose numéro ${index}, avec un énoncé d’une longueur réaliste pour un REM publié par l’ANS.`,
      nature: 'EXIGENCE' as const,
      conditional: false,
      profiles: ['Général'],
      scenarios: [{ id: `${id}.01`, text: 'Scénario.', proofs: [{ id: `${id}.01.01`, text: 'Capture d’écran' }, { id: `${id}.01.02`, text: 'Document' }] }],
    })),
  };
  const requirements: RequirementResult[] = ids.map((id) => ({
    id,
    nature: 'EXIGENCE',
    verdict: 'incomplet',
    proofs: [
      { id: `${id}.01.01`, files: [] },
      { id: `${id}.01.02`, files: [] },
    ],
    findings: [1, 2].map((n): ReportFinding => ({ rule: 'coverage/missing-proof', severity: 'error', message: `Preuve ${id}.01.0${n} manquante`, requirement: id, proof: `${id}.01.0${n}` })),
  }));
  const general: ReportFinding[] = Array.from({ length: generalFindings }, (_, index) => ({
    rule: 'bundle/unlisted-file',
    severity: 'warning',
    message: `Fichier non rattaché : divers/fichier-${index}.txt`,
    file: `divers/fichier-${index}.txt`,
  }));
  const report: Report = {
    schema: 'segur-report/1',
    tool: { name: 'segur', version: '0.1.0' },
    catalog: { id: catalog.id, title: catalog.title, sha256: catalog.source.sha256 },
    bundle: { editor: { name: 'Éditeur' }, software: { name: 'Logiciel', version: '1' }, profiles: ['Général'] },
    verdict: 'fail',
    summary: { requirements: requirementCount, conforme: 0, 'non-conforme': 0, incomplet: requirementCount, 'non-applicable': 0, errors: requirementCount * 2, warnings: generalFindings },
    requirements,
    findings: [...general, ...requirements.flatMap((result) => result.findings)],
  };
  return { report, catalog, lang: 'fr', bundleRoot: 'preuves', strict: false };
}
