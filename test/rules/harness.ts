// A small RuleTester: builds a rule's context from a manifest written in YAML and files described
// as data, runs one rule, and returns its findings for exact comparison.
import { createHash } from 'node:crypto';
import type { Catalog, Requirement } from '../../src/catalog/schema.js';
import { parseManifest } from '../../src/bundle/manifest.js';
import type { AttachedFile, EvidenceRef, FileFacts } from '../../src/bundle/model.js';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import type { BundleRule, RequirementRule, RuleFinding } from '../../src/rules/rule.js';

export function requirement(overrides: Partial<Requirement> = {}): Requirement {
  return {
    id: 'INS/va1.02',
    chapter: 'Gestion de l’INS',
    function: 'Qualification de l’identité',
    statement: 'Le logiciel DOIT qualifier l’identité.',
    nature: 'EXIGENCE',
    conditional: false,
    profiles: ['Général'],
    scenarios: [
      { id: 'INS/va1.02.01', text: 'Scénario 1', proofs: [{ id: 'INS/va1.02.01.01', text: 'document CDA' }] },
      { id: 'INS/va1.02.02', text: 'Scénario 2', proofs: [{ id: 'INS/va1.02.02.01', text: 'capture d’écran' }] },
    ],
    ...overrides,
  };
}

export function catalog(requirements: Requirement[]): Catalog {
  return {
    schema: 'segur-catalog/1',
    id: 'REM-TEST',
    title: 'Catalogue de test',
    source: { file: 'REM-TEST.xlsx', sheet: 'Exigences', sha256: '0'.repeat(64) },
    requirements,
  };
}

export function manifestOf(requirementsYaml: string) {
  const text = `schema: segur-bundle/1\nrem: REM-TEST\nrequirements:\n${requirementsYaml}`;
  return parseManifest(text, 'segur.yaml');
}

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

export async function readFile(path: string, content: Buffer | string, ref: Partial<EvidenceRef> = {}): Promise<AttachedFile> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const sniffed = await sniff(bufferSource(bytes));
  const facts: FileFacts = { status: 'read', absolutePath: `/bundle/${path}`, size: bytes.length, sha256: sha(bytes), sniffed };
  return { ref: { path, origin: 'folder', ...ref }, facts, kind: ref.declaredKind ?? sniffed.kind };
}

export function unreadFile(path: string, facts: FileFacts): AttachedFile {
  return { ref: { path, origin: 'manifest' }, facts };
}

export function sha(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface RequirementCase {
  name: string;
  /** Lines under `requirements:` (indented by two spaces). */
  manifest?: string;
  requirement?: Partial<Requirement>;
  files?: Record<string, AttachedFile[]>;
  expected: RuleFinding[];
}

export function runRequirementRule(rule: RequirementRule, testCase: RequirementCase): RuleFinding[] {
  const req = requirement(testCase.requirement);
  const loaded = manifestOf(testCase.manifest ?? '  {}\n');
  const proofs = req.scenarios.flatMap((scenario) =>
    scenario.proofs.map((proof) => ({ scenario, proof, files: testCase.files?.[proof.id] ?? [] })),
  );
  return rule.check({
    requirement: req,
    entry: loaded.manifest.requirements?.[req.id] ?? undefined,
    listed: Object.hasOwn(loaded.manifest.requirements ?? {}, req.id),
    positions: loaded.positions,
    manifestFile: 'segur.yaml',
    proofs,
  });
}

export function runBundleRule(
  rule: BundleRule,
  manifestYaml: string,
  requirements: Requirement[],
  selected = requirements,
  proofFolders: string[] = [],
  strayFolderFiles: ReadonlyMap<string, readonly string[]> = new Map(),
): RuleFinding[] {
  const loaded = manifestOf(manifestYaml);
  return rule.check({
    catalog: catalog(requirements),
    manifest: loaded.manifest,
    positions: loaded.positions,
    manifestFile: 'segur.yaml',
    selected,
    proofFolders,
    strayFolderFiles,
  });
}
