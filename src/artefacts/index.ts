// Entry point used by `segur check` and `segur validate`: validates artefact files by kind.
// Kinds without a validator yet only get the bundle-level checks (presence, type, hash).
import type { ArtefactInput, ArtefactKind, ArtefactResult, ArtefactValidator } from './types.js';

const validatorLoaders: Partial<Record<ArtefactKind, () => Promise<ArtefactValidator>>> = {
  // cda: () => import('./cda/validator.js').then((m) => m.cdaValidator),
  // ins: () => import('./ins/validator.js').then((m) => m.insValidator),
};

export function hasValidator(kind: ArtefactKind): boolean {
  return kind in validatorLoaders;
}

/** Results in the order of `inputs`. */
export async function validateArtefacts(inputs: readonly ArtefactInput[]): Promise<ArtefactResult[]> {
  const results: ArtefactResult[] = [];
  for (const input of inputs) {
    const load = validatorLoaders[input.kind];
    results.push(load ? await (await load()).validate(input) : { findings: [], identities: [] });
  }
  return results;
}
