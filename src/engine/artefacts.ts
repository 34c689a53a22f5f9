// The plug point to the artefact validators (CDA, INS, …): each sound file whose kind has a validator
// is validated once, even when several proofs hold it; then the cross-artefact INS check. Findings
// come back per file path, to be attached to every proof (and requirement) holding the file.
import { findIdentityConflicts, type IdentitySource } from '../artefacts/identity-consistency.js';
import { hasValidator, validateArtefacts } from '../artefacts/index.js';
import { CDA_CARRIERS, type ArtefactFinding, type ArtefactInput, type ArtefactResult } from '../artefacts/types.js';
import type { AttachedFile } from '../bundle/model.js';
import { kindAccepts } from '../bundle/sniff.js';

export type ArtefactFindingsByPath = Map<string, ArtefactFinding[]>;

export interface BundleArtefacts {
  /** Each validated file's findings, cross-artefact ones included. */
  findings: ArtefactFindingsByPath;
  /** Each validated file's result (documents, report and message facts), for the checks across proofs. */
  results: Map<string, ArtefactResult>;
}

/**
 * Files worth a validator: read, not empty, kind known and not contradicted by the content. Each
 * input carries the bundle's real root and the SHA-256 just computed: the validator reads the same
 * bytes or reports that the file changed (artefacts/read-artefact.ts).
 */
export function validatableInputs(files: Iterable<AttachedFile>, bundleRealRoot: string, cisis?: ArtefactInput['cisis']): ArtefactInput[] {
  const inputs = new Map<string, ArtefactInput>();
  for (const file of files) {
    const { facts, kind } = file;
    if (facts.status !== 'read' || facts.size === 0 || !kind || !hasValidator(kind)) continue;
    if (file.ref.declaredKind && !kindAccepts(file.ref.declaredKind, facts.sniffed)) continue;
    if (!inputs.has(file.ref.path)) {
      inputs.set(file.ref.path, {
        absolutePath: facts.absolutePath,
        displayPath: file.ref.path,
        kind,
        size: facts.size,
        bundle: { realRoot: bundleRealRoot, sha256: facts.sha256 },
        ...(cisis && CDA_CARRIERS.has(kind) ? { cisis } : {}),
      });
    }
  }
  return [...inputs.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : 1));
}

export async function validateBundleArtefacts(inputs: readonly ArtefactInput[]): Promise<BundleArtefacts> {
  const results = await validateAll(inputs);
  const byPath: ArtefactFindingsByPath = new Map(inputs.map((input, index) => [input.displayPath, [...results[index]!.findings]]));

  const sources: IdentitySource[] = inputs.flatMap((input, artefact) =>
    results[artefact]!.identities.map((identity) => ({ artefact, displayPath: input.displayPath, identity })),
  );
  try {
    for (const conflict of findIdentityConflicts(sources)) {
      byPath.get(inputs[conflict.artefact]!.displayPath)?.push(conflict.finding);
    }
  } catch (error) {
    for (const input of inputs) byPath.get(input.displayPath)!.push(crashed('identity-consistency', error));
  }
  return { findings: byPath, results: new Map(inputs.map((input, index) => [input.displayPath, results[index]!])) };
}

// All at once (the validators may use a worker pool); if that throws, file by file so that a
// validator that throws costs its file a finding, never the run.
async function validateAll(inputs: readonly ArtefactInput[]): Promise<ArtefactResult[]> {
  try {
    const results = await validateArtefacts(inputs);
    if (results.length === inputs.length) return results;
  } catch {
    // isolated below
  }
  const results: ArtefactResult[] = [];
  for (const input of inputs) results.push(await validateOne(input));
  return results;
}

async function validateOne(input: ArtefactInput): Promise<ArtefactResult> {
  try {
    const [result] = await validateArtefacts([input]);
    return result ?? { findings: [], identities: [] };
  } catch (error) {
    return { findings: [crashed(input.kind, error, input.displayPath)], identities: [] };
  }
}

function crashed(what: string, error: unknown, path?: string): ArtefactFinding {
  const detail = error instanceof Error ? error.message : String(error);
  return path
    ? { rule: 'engine/validator-crashed', severity: 'error', args: { path, detail } }
    : { rule: 'engine/rule-crashed', severity: 'error', args: { code: what, detail } };
}
