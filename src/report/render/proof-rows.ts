// One row per expected proof, in REM order: the shape shared by the xlsx and csv reports and by the
// DSR checklist. Texts (chapter, statement, scenario, proof wording) come from the catalog; files,
// verdicts and findings from the report.
import type { Proof, Requirement, Scenario } from '../../catalog/schema.js';
import type { ReportContext, ReportFile, ReportFinding, RequirementResult } from '../model.js';

/**
 * `present`: at least one file, none with an error; `error`: files given, but one of them (or the
 * proof) has an error finding; `missing`: expected but no file; `not-applicable`: its scenario does
 * not apply; `no-proof`: the REM expects no proof for this requirement (the row only lists it).
 */
export type ProofState = 'present' | 'error' | 'missing' | 'not-applicable' | 'no-proof';

export interface ProofRow {
  requirement: Requirement;
  result: RequirementResult;
  scenario: Scenario;
  proof: Proof;
  files: ReportFile[];
  state: ProofState;
  /** Findings of this proof; findings of the requirement as a whole go on its first row. */
  findings: ReportFinding[];
}

export function proofRows(context: ReportContext): ProofRow[] {
  const catalogById = new Map(context.catalog.requirements.map((requirement) => [requirement.id, requirement]));
  return context.report.requirements.flatMap((result) =>
    rowsOfRequirement(catalogById.get(result.id) ?? requirementFromResult(result), result),
  );
}

function rowsOfRequirement(requirement: Requirement, result: RequirementResult): ProofRow[] {
  const expected = new Map(result.proofs.map((proof) => [proof.id, proof.files]));
  const listed = requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => ({ scenario, proof })));
  // Proofs the report knows but the catalog text does not (should not happen) still get a row.
  const listedIds = new Set(listed.map(({ proof }) => proof.id));
  for (const proof of result.proofs) {
    if (listedIds.has(proof.id)) continue;
    listed.push({ scenario: { id: '', text: '', proofs: [] }, proof: { id: proof.id, text: '' } });
    listedIds.add(proof.id);
  }
  // A requirement declared non-applicable needs no proof, whether or not the report lists them.
  const rows = listed.map(({ scenario, proof }): ProofRow => {
    const files = expected.get(proof.id);
    const findings = result.findings.filter((finding) => finding.proof === proof.id);
    const inError = findings.some((finding) => finding.severity === 'error');
    return {
      requirement,
      result,
      scenario,
      proof,
      files: files ?? [],
      state: files === undefined || result.verdict === 'non-applicable' ? 'not-applicable' : files.length === 0 ? 'missing' : inError ? 'error' : 'present',
      findings,
    };
  });
  const loose = result.findings.filter((finding) => finding.proof === undefined || !listedIds.has(finding.proof));
  if (rows.length === 0) {
    // A requirement without any expected proof keeps one row, so it is still listed with its findings.
    const none = { id: '', text: '' };
    return [{ requirement, result, scenario: { ...none, proofs: [] }, proof: none, files: [], state: 'no-proof', findings: loose }];
  }
  rows[0]!.findings = [...loose, ...rows[0]!.findings];
  return rows;
}

/** A requirement the catalog does not describe: its proofs become one untitled scenario. */
function requirementFromResult(result: RequirementResult): Requirement {
  return {
    id: result.id,
    chapter: '',
    function: '',
    statement: '',
    nature: result.nature,
    conditional: null,
    profiles: [],
    scenarios: [{ id: '', text: '', proofs: result.proofs.map((proof) => ({ id: proof.id, text: '' })) }],
  };
}
