// Rows of the requirement sheet → requirements. One row per requirement × scenario (× proof set):
// rows are grouped by requirement ID in workbook order; a requirement's own fields must agree across
// its rows (else the two rows are named); scenarios and proofs are merged by number; empty proof
// pairs are padding. Rows Excel hides (filters, collapsed groups) are read like the others: a
// requirement left out of the catalog would let a bundle pass without it; --explain names them.
import { SegurError } from '../errors.js';
import type { Requirement, Scenario } from './schema.js';
import { closedValue, parseConditional, parseNature, splitProfiles } from './cell-values.js';
import { cleanCellText, cleanIdentifier } from './cell-text.js';
import { MAX_PROOF_PAIRS, REQUIREMENT_FIELDS, type RequirementField } from './header/fields.js';
import type { HeaderMapping, MappedColumn } from './header/detect.js';

export interface AssemblyStats {
  /** Data rows that fed the catalog. */
  rowsUsed: number;
  /** Rows with neither requirement ID nor scenario/proof number (notes, totals…). */
  rowsSkipped: number;
  /** Proof texts with no proof number beside them (template padding). */
  proofTextsWithoutNumber: number;
  scenarioTextsWithoutNumber: number;
  /** Requirements whose nature cell was empty, taken as EXIGENCE. */
  natureAssumed: number;
  /** Numbers of the rows that fed the catalog although Excel hides them (filter, group, by hand). */
  hiddenRowsUsed: number[];
}

interface Located {
  value: string;
  row: number;
}

interface ScenarioDraft {
  id: string;
  text: Located;
  proofs: Map<string, Located & { id: string }>;
}

interface RequirementDraft {
  id: string;
  fields: Map<RequirementField, Located>;
  scenarios: Map<string, ScenarioDraft>;
}

const IDENTIFIER_FIELDS = new Set(['id', 'scenarioId']);
const CLOSED_FIELDS = new Set<RequirementField>(['nature', 'conditional']);

export function assembleRequirements(file: string, mapping: HeaderMapping): { requirements: Requirement[]; stats: AssemblyStats } {
  const sheet = mapping.sheet.name;
  const stats: AssemblyStats = { rowsUsed: 0, rowsSkipped: 0, proofTextsWithoutNumber: 0, scenarioTextsWithoutNumber: 0, natureAssumed: 0, hiddenRowsUsed: [] };
  const drafts = new Map<string, RequirementDraft>();
  const headerOf = new Map(mapping.columns.map((column) => [column.field as string, column.header]));
  const cleaned = { text: new Map<string, string>(), identifier: new Map<string, string>() };

  for (const sheetRow of mapping.sheet.rows) {
    if (sheetRow.number <= mapping.headerRow) continue;
    const row = sheetRow.number;
    const values = readRow(sheetRow.cells, mapping.columns, cleaned);
    if (values.size === 0) continue;
    const id = values.get('id') ?? '';
    const scenarioId = values.get('scenarioId') ?? '';
    const pairs = proofPairs(values);
    if (id === '') {
      if (scenarioId !== '' || pairs.some((pair) => pair.id !== '')) throw new SegurError('catalog/row-without-id', { file, sheet, row });
      stats.rowsSkipped++;
      continue;
    }
    stats.rowsUsed++;
    if (sheetRow.hidden) stats.hiddenRowsUsed.push(row);
    checkClosedValues(file, sheet, row, values);
    let draft = drafts.get(id);
    if (!draft) {
      draft = { id, fields: new Map(), scenarios: new Map() };
      drafts.set(id, draft);
    }
    for (const field of REQUIREMENT_FIELDS) {
      if (field === 'id') continue;
      const cell = values.get(field) ?? '';
      if (cell === '') continue;
      // `oui` and `OUI`, `Préconisation` and `PRECONISATION` say the same thing.
      const value = CLOSED_FIELDS.has(field) ? closedValue(cell) : cell;
      const known = draft.fields.get(field);
      if (!known) draft.fields.set(field, { value, row });
      else if (known.value !== value) {
        throw new SegurError('catalog/conflicting-requirement', { file, sheet, id, column: headerOf.get(field) ?? field, firstRow: known.row, row });
      }
    }
    addScenarioAndProofs(file, sheet, row, draft, values, pairs, stats);
  }

  const requirements = [...drafts.values()].map((draft) => toRequirement(draft, headerOf.has('nature'), stats));
  if (requirements.length === 0) throw new SegurError('catalog/no-requirements', { file, sheet, row: mapping.headerRow });
  return { requirements, stats };
}

// Requirement cells repeat on every row of the requirement: each distinct cell text is cleaned once.
type CleanedTexts = Map<string, string>;

function readRow(cells: ReadonlyMap<number, string>, columns: readonly MappedColumn[], cleaned: { text: CleanedTexts; identifier: CleanedTexts }): Map<string, string> {
  const values = new Map<string, string>();
  for (const column of columns) {
    const raw = cells.get(column.index) ?? '';
    if (raw === '') continue;
    const isIdentifier = IDENTIFIER_FIELDS.has(column.field) || column.field.startsWith('proofId');
    const cache = isIdentifier ? cleaned.identifier : cleaned.text;
    let value = cache.get(raw);
    if (value === undefined) {
      value = isIdentifier ? cleanIdentifier(raw) : cleanCellText(raw);
      cache.set(raw, value);
    }
    if (value !== '') values.set(column.field, value);
  }
  return values;
}

const PROOF_KEYS = Array.from({ length: MAX_PROOF_PAIRS }, (_, index) => ({ id: `proofId${index + 1}`, text: `proof${index + 1}` }));

/** The row's non-empty proof pairs (number and/or text), in column order. */
function proofPairs(values: Map<string, string>): { id: string; text: string }[] {
  const pairs: { id: string; text: string }[] = [];
  for (const keys of PROOF_KEYS) {
    const id = values.get(keys.id) ?? '';
    const text = values.get(keys.text) ?? '';
    if (id !== '' || text !== '') pairs.push({ id, text });
  }
  return pairs;
}

function addScenarioAndProofs(
  file: string,
  sheet: string,
  row: number,
  draft: RequirementDraft,
  values: Map<string, string>,
  pairs: readonly { id: string; text: string }[],
  stats: AssemblyStats,
): void {
  const scenarioId = values.get('scenarioId') ?? '';
  const scenarioText = values.get('scenario') ?? '';
  if (scenarioId === '') {
    const numbered = pairs.find((pair) => pair.id !== '');
    if (numbered) throw new SegurError('catalog/proof-without-scenario', { file, sheet, row, proof: numbered.id });
    if (scenarioText !== '') stats.scenarioTextsWithoutNumber++;
    stats.proofTextsWithoutNumber += pairs.filter((pair) => pair.text !== '').length;
    return;
  }
  let scenario = draft.scenarios.get(scenarioId);
  if (!scenario) {
    scenario = { id: scenarioId, text: { value: scenarioText, row }, proofs: new Map() };
    draft.scenarios.set(scenarioId, scenario);
  } else if (scenarioText !== '') {
    if (scenario.text.value === '') scenario.text = { value: scenarioText, row };
    else if (scenario.text.value !== scenarioText) {
      throw new SegurError('catalog/conflicting-scenario', { file, sheet, scenario: scenarioId, firstRow: scenario.text.row, row });
    }
  }
  for (const pair of pairs) {
    if (pair.id === '') {
      stats.proofTextsWithoutNumber++;
      continue;
    }
    const known = scenario.proofs.get(pair.id);
    if (!known) scenario.proofs.set(pair.id, { id: pair.id, value: pair.text, row });
    else if (known.value === '') scenario.proofs.set(pair.id, { id: pair.id, value: pair.text, row });
    else if (pair.text !== '' && pair.text !== known.value) {
      throw new SegurError('catalog/conflicting-proof', { file, sheet, proof: pair.id, firstRow: known.row, row });
    }
  }
}

/** Nature and conditional take a few fixed values: anything else is named with its row. */
function checkClosedValues(file: string, sheet: string, row: number, values: Map<string, string>): void {
  const nature = values.get('nature');
  if (nature !== undefined && parseNature(nature) === undefined) throw new SegurError('catalog/bad-nature', { file, sheet, row, value: nature });
  const conditional = values.get('conditional');
  if (conditional !== undefined && parseConditional(conditional) === undefined) {
    throw new SegurError('catalog/bad-conditional', { file, sheet, row, value: conditional });
  }
}

function toRequirement(draft: RequirementDraft, hasNatureColumn: boolean, stats: AssemblyStats): Requirement {
  const field = (name: RequirementField) => draft.fields.get(name)?.value;
  const nature = field('nature');
  if (hasNatureColumn && nature === undefined) stats.natureAssumed++;
  const conditional = field('conditional');
  const scenarios: Scenario[] = [...draft.scenarios.values()].map((scenario) => ({
    id: scenario.id,
    text: scenario.text.value,
    proofs: [...scenario.proofs.values()].map((proof) => ({ id: proof.id, text: proof.value })),
  }));
  const requirement: Requirement = {
    id: draft.id,
    scope: field('scope'),
    chapter: field('chapter') ?? '',
    block: field('block'),
    function: field('function') ?? '',
    statement: field('statement') ?? '',
    comment: field('comment'),
    nature: nature === undefined ? 'EXIGENCE' : parseNature(nature)!,
    conditional: conditional === undefined ? null : parseConditional(conditional)!,
    profiles: splitProfiles(field('profile') ?? ''),
    criticality: field('criticality'),
    publicationStatus: field('publicationStatus'),
    previousId: field('previousId'),
    order: field('order'),
    scenarios,
  };
  return dropUndefined(requirement);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
