// Validates artefacts one after the other in this thread (small inputs, and inside pool workers):
// the file is read once through the safe open, then handed to its validator as bytes.
// A validator that throws costs its file one finding, never the run.
import type { ArtefactInput, ArtefactResult } from './types.js';
import { validatorLoaders } from './validators.js';
import { readArtefactBytes } from './read-artefact.js';

export async function validateInline(input: ArtefactInput): Promise<ArtefactResult> {
  const load = validatorLoaders[input.kind];
  if (!load) return { findings: [], identities: [] };
  try {
    const validator = await load();
    const read = await readArtefactBytes(input, validator.maxBytes);
    if (!read.ok) return { findings: [read.finding], identities: [] };
    return await validator.validate(read.bytes, input);
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
