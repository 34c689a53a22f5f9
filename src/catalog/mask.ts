// Patient identifiers in REM texts (an example INS in a statement, a NIR in a proof's wording) are
// masked in every output of the catalog commands unless `--reveal-identifiers`, by content, like
// everything segur prints (src/messages/mask.ts).
//
// Two steps, because a word diff splits texts: `2 85 03 69 123 045 [-79-]{+78+}` no longer has the
// shape of an INS, so masking the rendered diff would leave it in clear. The free texts are masked
// BEFORE diffing (maskCatalogTexts: the diff then compares and splits masked texts, and no segment
// can hold more than the masked value shows); everything else a renderer reads — ids, titles, file
// paths of a bundle — is masked whole afterwards (maskStringsIn), where no split can happen.
import { maskIdentifiersIn } from '../messages/mask.js';
import type { Catalog, Requirement } from './schema.js';

/**
 * A copy of `catalog` whose free texts (title, statements, scenario and proof texts, chapter,
 * function, comment…) are masked. Ids, `previousId` and profiles are kept as they are: they pair
 * requirements, match the bundle's folders and select profiles, and are masked at rendering.
 */
export function maskCatalogTexts(catalog: Catalog): Catalog {
  return {
    ...catalog,
    title: maskIdentifiersIn(catalog.title),
    requirements: catalog.requirements.map((requirement) => ({
      ...maskFreeFields(requirement),
      scenarios: requirement.scenarios.map((scenario) => ({
        ...scenario,
        text: maskIdentifiersIn(scenario.text),
        proofs: scenario.proofs.map((proof) => ({ ...proof, text: maskIdentifiersIn(proof.text) })),
      })),
    })),
  };
}

const KEPT_FIELDS = new Set<string>(['id', 'previousId', 'nature']);

function maskFreeFields(requirement: Requirement): Requirement {
  const masked: Record<string, unknown> = { ...requirement };
  for (const [key, value] of Object.entries(requirement)) {
    if (typeof value === 'string' && !KEPT_FIELDS.has(key)) masked[key] = maskIdentifiersIn(value);
  }
  return masked as Requirement;
}

/**
 * A deep copy of plain data (objects, arrays, strings, numbers…) with every string masked, keys
 * included. For the models renderers read (a catalog, a catalog diff): their depth is fixed by their
 * schema (a few levels), so the recursion is bounded whatever the input's size.
 */
export function maskStringsIn<T>(value: T): T {
  if (typeof value === 'string') return maskIdentifiersIn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskStringsIn(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[maskIdentifiersIn(key)] = maskStringsIn(item);
    return copy as T;
  }
  return value;
}
