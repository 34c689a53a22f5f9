// Validates artefacts one after the other in this thread (small inputs, and inside pool workers).
// A validator that throws costs its file one finding, never the run.
import type { ArtefactInput, ArtefactResult } from './types.js';
import { validatorLoaders } from './validators.js';

export async function validateInline(input: ArtefactInput): Promise<ArtefactResult> {
  const load = validatorLoaders[input.kind];
  if (!load) return { findings: [], identities: [] };
  try {
    return await (await load()).validate(input);
  } catch (error) {
    return {
      findings: [
        {
          rule: 'artefacts/validator-crashed',
          severity: 'error',
          args: { kind: input.kind, detail: error instanceof Error ? error.message : String(error) },
        },
      ],
      identities: [],
    };
  }
}
