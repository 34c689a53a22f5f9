// The same outcomes on the shared originals of ../shared/field-cases (the reference the generated
// fixtures rebuild): both trees agree case by case. Skipped, saying why, when ../shared is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { BUNDLE_CASES, checkBundleCase, checkFileCases, checkPartNameCaseWorkbook } from './field-cases.js';

const root = fileURLToPath(new URL('../../../shared/field-cases/', import.meta.url));
const present = existsSync(join(root, 'README.md'));
const skipReason = `cas de terrain partagés absents (${root}) : comparaison avec les originaux ignorée`;
if (!present) console.warn(skipReason);

describe.skipIf(!present)(`field cases (shared originals, ${present ? 'present' : skipReason}) through the built CLI`, () => {
  it('validate, with and without --kind: the same outcome as the generated fixtures', () => {
    checkFileCases(root, 'shared');
  });

  it.each(BUNDLE_CASES.map((one) => [one.bundle, one]))('check %s: the same outcome as the generated fixture', (_, one) => {
    checkBundleCase(root, 'shared', one);
  });

  it('catalog import of xlsx-part-name-case/REM-case-a.xlsx: its 7 requirements', () => {
    checkPartNameCaseWorkbook(join(root, 'xlsx-part-name-case/REM-case-a.xlsx'));
  });
});
