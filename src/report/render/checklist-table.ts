// The Convergence-style table (one row per expected proof) as plain cell values, shared by the xlsx
// and csv reports and the DSR checklist. Spreadsheet writers apply `inertText` to every text cell.
import type { ReportContext, Verdict } from '../model.js';
import { proofRows, type ProofRow, type ProofState } from './proof-rows.js';
import { findingLine, translator, verdictLabel, type Translate } from './wording.js';

/** REM (Convergence) columns first, then what `segur` adds. */
export const CHECKLIST_COLUMNS = [
  'scope',
  'id',
  'chapter',
  'function',
  'statement',
  'profile',
  'scenario-id',
  'scenario',
  'proof-id',
  'proof',
  'files',
  'sha256',
  'size',
  'proof-status',
  'verdict',
  'findings',
] as const;
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];

/** A size is a number when the proof has exactly one file (so it sorts), else one line per file. */
export type Cell = string | number;

export interface ChecklistTable {
  headers: string[];
  rows: { verdict: Verdict; state: ProofState; cells: Cell[] }[];
}

export function checklistTable(context: ReportContext): ChecklistTable {
  const t = translator(context.lang, context.revealIdentifiers);
  return {
    headers: CHECKLIST_COLUMNS.map((column) => t(`report/column.${column}`)),
    rows: proofRows(context).map((row) => ({ verdict: row.result.verdict, state: row.state, cells: CHECKLIST_COLUMNS.map((column) => cellOf(t, row, column)) })),
  };
}

function cellOf(t: Translate, row: ProofRow, column: ChecklistColumn): Cell {
  switch (column) {
    case 'scope':
      return row.requirement.scope ?? '';
    case 'id':
      return row.requirement.id;
    case 'chapter':
      return row.requirement.chapter;
    case 'function':
      return row.requirement.function;
    case 'statement':
      return row.requirement.statement;
    case 'profile':
      return row.requirement.profiles.join(', ');
    case 'scenario-id':
      return row.scenario.id;
    case 'scenario':
      return row.scenario.text;
    case 'proof-id':
      return row.proof.id;
    case 'proof':
      return row.proof.text;
    case 'files':
      return row.files.map((file) => file.path).join('\n');
    case 'sha256':
      return row.files.map((file) => file.sha256).join('\n');
    case 'size':
      return row.files.length === 1 ? row.files[0]!.size : row.files.map((file) => String(file.size)).join('\n');
    case 'proof-status':
      return t(`report/checklist.state.${row.state}`);
    case 'verdict':
      return verdictLabel(t, row.result.verdict);
    case 'findings':
      return findingsCell(t, row);
  }
}

function findingsCell(t: Translate, row: ProofRow): string {
  const lines = row.findings.map((finding) => findingLine(t, finding));
  // Say what the row means when no finding does already (the engine usually reports a missing proof itself).
  const note = stateNote(row);
  if (note !== undefined && (row.state !== 'missing' || row.findings.every((finding) => finding.proof !== row.proof.id))) {
    lines.push(t(note));
  }
  return lines.join('\n');
}

function stateNote(row: ProofRow): string | undefined {
  if (row.state === 'missing') return 'report/proof-missing';
  if (row.state === 'not-applicable') {
    return row.result.verdict === 'non-applicable' ? 'report/requirement-not-applicable' : 'report/proof-not-applicable';
  }
  if (row.state === 'no-proof') return 'report/proof-none';
  return undefined;
}
