// How a validator gets its file: once, through the one safe open (io/safe-open.ts), from the
// descriptor that was checked. Inside a bundle the path is not followed if it became a link, the
// file must still lie inside the bundle, and its bytes must hash to the SHA-256 recorded when the
// bundle was read: a proof swapped during the run is reported, never validated in its place.
import { readChecked, type OpenProblem } from '../io/safe-open.js';
import type { ArtefactFinding, ArtefactInput } from './types.js';

export type ArtefactBytes = { ok: true; bytes: Buffer } | { ok: false; finding: ArtefactFinding };

export async function readArtefactBytes(input: ArtefactInput, maxBytes: number): Promise<ArtefactBytes> {
  const outcome = await readChecked(input.absolutePath, {
    followSymlinks: input.bundle === undefined,
    maxBytes,
    ...(input.bundle ? { insideRoot: input.bundle.realRoot } : {}),
  });
  if (!outcome.ok) return { ok: false, finding: problemFinding(outcome.problem) };
  if (input.bundle && outcome.sha256 !== input.bundle.sha256) {
    return { ok: false, finding: { rule: 'artefacts/changed-during-run', severity: 'error', args: {} } };
  }
  return { ok: true, bytes: outcome.bytes };
}

function problemFinding(problem: OpenProblem): ArtefactFinding {
  switch (problem.kind) {
    case 'too-large':
      return { rule: 'artefacts/too-large', severity: 'error', args: { size: problem.size, max: problem.max } };
    case 'not-a-file':
      return { rule: 'artefacts/changed-during-run', severity: 'error', args: {} };
    case 'symlink':
    case 'outside':
    case 'not-found':
      return { rule: 'artefacts/changed-during-run', severity: 'error', args: {} };
    case 'unreadable':
      return { rule: 'artefacts/read-failed', severity: 'error', args: { reason: problem.reason } };
  }
}
