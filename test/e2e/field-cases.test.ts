// The fidelity cases of ../shared/field-cases, as this project's generated fixtures
// (fixtures/field-cases), through the built CLI: the outcome its README gives for each (field-cases.ts).
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from '../helpers/cli.js';
import { BUNDLE_CASES, checkBundleCase, checkFileCases, checkPartNameCaseWorkbook } from './field-cases.js';

const root = join(projectRoot, 'fixtures/field-cases');

describe('field cases (generated fixtures) through the built CLI', () => {
  it('validate, with and without --kind: same kind and the right findings on every file', () => {
    checkFileCases(root, 'generated');
  });

  it.each(BUNDLE_CASES.map((one) => [one.bundle, one]))('check %s: exit code, kind and findings (those validate gives the file)', (_, one) => {
    checkBundleCase(root, 'generated', one);
  });

  it('catalog import of the xlsx-part-name-case workbook (fixtures/rem/field-part-name-case.xlsx): its 7 requirements', () => {
    checkPartNameCaseWorkbook(join(projectRoot, 'fixtures/rem/field-part-name-case.xlsx'));
  });
});
