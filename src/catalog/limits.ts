// Budgets of a catalog, whatever it was read from (a REM workbook being assembled, a .yaml/.json
// catalog file): every command that takes a CATALOG (`catalog import|show|diff`, `init`, `check`,
// `batch`) works in proportion to these counts, so they are checked where a catalog comes into being
// and a catalog past one of them is refused (exit 2), the cap named.
//
// Why counts and text, not bytes: a workbook's shared string is stored once and referenced by any
// number of cells, and a YAML alias repeats a node without repeating its bytes. A 265 KB workbook
// whose 15,000 rows all point at one 32,000-character string would otherwise assemble into 480
// million characters (a 482 MB catalog YAML, then « Invalid string length »).
//
// Real REMs are far below each cap: a published REM has a few hundred requirements, a few scenarios
// each and at most 10 proofs per scenario (the REM layout's columns), statements of at most a few
// thousand characters; the 2,000-row LGC REM makes a catalog of ≈ 2 MB. Each cap is several times that.
import { SegurError } from '../errors.js';

/**
 * Bytes of a catalog file. The catalog of a 2,000-row REM is ≈2 MB of YAML. The yaml library needs
 * ≈0.5 s of CPU and ≈70 MB per MB of YAML (bench/RESULTS.md, hostile catalog inputs): past twice the
 * largest real catalog, a file, hostile or not, is refused unread (store.ts); `catalog import` never
 * writes a catalog it could not read back (import-command.ts).
 */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

export interface CatalogLimits {
  /** Requirements of the catalog. */
  maxRequirements: number;
  /** Scenarios, all requirements together. */
  maxScenarios: number;
  /** Proofs, all scenarios together. */
  maxProofs: number;
  /**
   * Characters (UTF-16 code units) of every text of the catalog together: ids, statements, scenario
   * and proof texts, chapters, titles… counted once per place they appear (an aliased or shared text
   * counts each time it is used, as every later step reads it each time).
   */
  maxTextChars: number;
}

export const CATALOG_LIMITS: Readonly<CatalogLimits> = {
  maxRequirements: 5_000,
  maxScenarios: 10_000,
  maxProofs: 20_000,
  maxTextChars: 3_000_000,
};

export type CatalogCap = 'requirements' | 'scenarios' | 'proofs' | 'text';

/** The limit behind each cap. */
export function capMax(limits: Readonly<CatalogLimits>, cap: CatalogCap): number {
  switch (cap) {
    case 'requirements':
      return limits.maxRequirements;
    case 'scenarios':
      return limits.maxScenarios;
    case 'proofs':
      return limits.maxProofs;
    case 'text':
      return limits.maxTextChars;
  }
}

/** Running counts of one catalog; `add` says which cap the new count passes, if any. */
export class CatalogTally {
  private readonly counts: Record<CatalogCap, number> = { requirements: 0, scenarios: 0, proofs: 0, text: 0 };

  constructor(readonly limits: Readonly<CatalogLimits> = CATALOG_LIMITS) {}

  /** Adds `amount` (one requirement, scenario or proof; a number of characters for `text`). */
  add(cap: CatalogCap, amount = 1): CatalogCap | undefined {
    this.counts[cap] += amount;
    return this.counts[cap] > capMax(this.limits, cap) ? cap : undefined;
  }

  /** Adds the length of `value` when it is a string (anything else is left to the schema). */
  addText(value: unknown): CatalogCap | undefined {
    return typeof value === 'string' ? this.add('text', value.length) : undefined;
  }
}

/**
 * The first cap a catalog-shaped value passes, walking only the places the catalog schema has
 * (schema.ts): requirements, their scenarios, their proofs, and every string on the way. Anything
 * of another shape is skipped (the schema refuses it afterwards). Linear in the references walked,
 * without recursion; stops at the first cap passed, so a value built of aliases costs at most the
 * caps' worth of work.
 */
export function firstCapPassed(data: unknown, limits: Readonly<CatalogLimits> = CATALOG_LIMITS): CatalogCap | undefined {
  const tally = new CatalogTally(limits);
  if (!isRecord(data)) return undefined;
  let passed = stringsOf(data, tally, 'requirements');
  if (passed) return passed;
  if (isRecord(data.source)) passed = stringsOf(data.source, tally);
  if (passed || !Array.isArray(data.requirements)) return passed;
  for (const requirement of data.requirements as unknown[]) {
    passed = tally.add('requirements');
    if (passed || !isRecord(requirement)) return passed;
    passed = stringsOf(requirement, tally, 'scenarios');
    if (passed) return passed;
    if (Array.isArray(requirement.profiles)) for (const profile of requirement.profiles as unknown[]) if ((passed = tally.addText(profile))) return passed;
    if (!Array.isArray(requirement.scenarios)) continue;
    for (const scenario of requirement.scenarios as unknown[]) {
      passed = tally.add('scenarios');
      if (passed || !isRecord(scenario)) return passed;
      passed = stringsOf(scenario, tally, 'proofs');
      if (passed) return passed;
      if (!Array.isArray(scenario.proofs)) continue;
      for (const proof of scenario.proofs as unknown[]) {
        passed = tally.add('proofs');
        if (passed || !isRecord(proof)) return passed;
        passed = stringsOf(proof, tally);
        if (passed) return passed;
      }
    }
  }
  return undefined;
}

/**
 * Refuses a catalog-shaped value (read from `file`, or assembled from the workbook `file`) past a
 * cap: SegurError catalog/file-limit-<cap> {file, max}, exit 2.
 */
export function checkCatalogLimits(data: unknown, file: string, limits: Readonly<CatalogLimits> = CATALOG_LIMITS): void {
  const passed = firstCapPassed(data, limits);
  if (passed) throw new SegurError(`catalog/file-limit-${passed}`, { file, max: capMax(limits, passed) });
}

/** Adds the object's own string values (not `skip`, a list walked by the caller). */
function stringsOf(record: Record<string, unknown>, tally: CatalogTally, skip?: string): CatalogCap | undefined {
  for (const key of Object.keys(record)) {
    if (key === skip) continue;
    const passed = tally.addText(record[key]);
    if (passed) return passed;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
