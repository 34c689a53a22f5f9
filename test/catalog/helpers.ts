// Shared by the catalog tests: fixture paths and a way to capture the SegurError an import throws.
import { fileURLToPath } from 'node:url';
import { isSegurError, type SegurError } from '../../src/errors.js';
import { catalogCounts } from '../../src/catalog/counts.js';
import type { Catalog } from '../../src/catalog/schema.js';

export const remFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/rem/${name}`, import.meta.url));
export const columnsFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/columns/${name}`, import.meta.url));

export async function segurErrorOf(promise: Promise<unknown>): Promise<SegurError> {
  try {
    await promise;
  } catch (error) {
    if (isSegurError(error)) return error;
    throw error;
  }
  throw new Error('expected a SegurError, the call succeeded');
}

export function countsOf(catalog: Catalog) {
  return catalogCounts(catalog.requirements);
}
