// What a REM change means for an evidence bundle: for each requirement of the bundle's profiles (in
// the old REM, the new one, or both), where each of its proofs' files go under the catalog diff —
// same proof id (`maps`), another id (`renamed`), nowhere (`orphaned`), or a proof the old REM did
// not ask for (`new`). Reads the manifest and lists the proof folders; reads no evidence file and
// writes nothing (docs/product.md: the bundle is never written to).
import { diffCatalogs } from '../catalog/diff/compare.js';
import type { BundleImpact, CatalogDiff, ProofImpact, ProofImpactStatus, RequirementDiff, RequirementImpact } from '../catalog/diff/model.js';
import { requirementsForProfiles, type Catalog } from '../catalog/schema.js';
import { collectEvidence, type Attachments } from './collect.js';
import { loadManifest, type LoadedManifest } from './manifest.js';
import type { EvidenceRef } from './model.js';
import { matchProfiles, profileList } from './profiles.js';
import { realBundleRoot } from './paths.js';

export interface ImpactOptions {
  bundleDir: string;
  oldCatalog: Catalog;
  newCatalog: Catalog;
  diff: CatalogDiff;
  /** Profiles asked on the command line; default: the manifest's. */
  profiles?: string[];
  /** The manifest, when the caller has read it already. */
  loaded?: LoadedManifest;
}

/** Everything `init --upgrade` needs besides the impact itself. */
export interface BundleMapping {
  loaded: LoadedManifest;
  impact: BundleImpact;
  /** Old requirement id → old proof id → files (requirements of the old profiles). */
  oldFiles: Attachments;
  newProfiles: string[];
  /** Ids of the new catalog's requirements in the bundle's profiles, in catalog order. */
  newSelected: string[];
}

export async function bundleImpact(options: ImpactOptions): Promise<BundleImpact> {
  return (await mapBundle(options)).impact;
}

/** `check --since OLD`: the impact of moving from OLD (a CATALOG reference, relative to the current folder) to the checked catalog. */
export async function impactSince(options: { bundleDir: string; since: string; newCatalog: Catalog; profiles?: string[] }): Promise<BundleImpact> {
  const { resolveCatalog } = await import('../catalog/store.js');
  const { catalog: oldCatalog } = await resolveCatalog(options.since, { baseDir: process.cwd() });
  const diff = diffCatalogs(oldCatalog, options.newCatalog);
  return bundleImpact({ bundleDir: options.bundleDir, oldCatalog, newCatalog: options.newCatalog, diff, profiles: options.profiles });
}

export async function mapBundle(options: ImpactOptions): Promise<BundleMapping> {
  const root = await realBundleRoot(options.bundleDir);
  const loaded = options.loaded ?? (await loadManifest(options.bundleDir));
  const wanted = options.profiles?.length ? options.profiles : profileList(loaded.manifest.profile);
  const oldProfiles = matchProfiles(options.oldCatalog, wanted);
  const newProfiles = matchProfiles(options.newCatalog, wanted);
  const oldSelected = requirementsForProfiles(options.oldCatalog, oldProfiles);
  const newSelected = requirementsForProfiles(options.newCatalog, newProfiles);
  const oldFiles = await collectEvidence(root, loaded.manifest, loaded.positions, oldSelected);
  const newFiles = await collectEvidence(root, loaded.manifest, loaded.positions, newSelected);
  const oldProofIds = new Set(options.oldCatalog.requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proof.id))));

  const inOld = new Set(oldSelected.map((requirement) => requirement.id));
  const inNew = new Set(newSelected.map((requirement) => requirement.id));
  const requirements: RequirementImpact[] = [];
  for (const entry of options.diff.requirements) {
    const before = entry.old !== undefined && inOld.has(entry.old);
    const after = entry.new !== undefined && inNew.has(entry.new);
    if (!before && !after) continue;
    const declared = loaded.manifest.requirements?.[(before ? entry.old : entry.new)!]?.status;
    requirements.push({
      change: changeOf(entry, before, after),
      ...(entry.old !== undefined ? { old: entry.old } : {}),
      ...(entry.new !== undefined ? { new: entry.new } : {}),
      ...(declared ? { declared } : {}),
      proofs: proofImpacts(entry, before, after, oldFiles, newFiles, oldProofIds),
    });
  }
  const summary: Record<ProofImpactStatus, number> = { maps: 0, renamed: 0, orphaned: 0, new: 0 };
  for (const requirement of requirements) for (const proof of requirement.proofs) summary[proof.status] += 1;
  return {
    loaded,
    impact: { dir: options.bundleDir, old: options.diff.old, new: options.diff.new, profiles: newProfiles, summary, requirements },
    oldFiles,
    newProfiles,
    newSelected: newSelected.map((requirement) => requirement.id),
  };
}

function changeOf(entry: RequirementDiff, before: boolean, after: boolean): RequirementImpact['change'] {
  if (before && after) return entry.status;
  if (before) return entry.status === 'removed' ? 'removed' : 'left-profile';
  return entry.status === 'added' ? 'added' : 'entered-profile';
}

function proofImpacts(
  entry: RequirementDiff,
  before: boolean,
  after: boolean,
  oldFiles: Attachments,
  newFiles: Attachments,
  oldProofIds: ReadonlySet<string>,
): ProofImpact[] {
  const paths = (refs: readonly EvidenceRef[] | undefined) => (refs ?? []).map((ref) => ref.path);
  const oldOf = (proof: string) => paths(oldFiles.get(entry.old!)?.get(proof));
  const newRefs = (proof: string) => newFiles.get(entry.new!)?.get(proof) ?? [];
  const impacts: ProofImpact[] = [];
  for (const item of entry.proofs) {
    const oldSide = before && item.old !== undefined;
    const newSide = after && item.new !== undefined;
    let impact: ProofImpact;
    if (oldSide && newSide) impact = { status: item.old === item.new ? 'maps' : 'renamed', old: item.old, new: item.new, files: oldOf(item.old!) };
    else if (oldSide) impact = { status: 'orphaned', old: item.old, files: oldOf(item.old!) };
    else if (newSide) impact = { status: 'new', new: item.new, files: paths(newRefs(item.new!)) };
    else continue;
    // The new id was another proof's number in the old REM: that proof's folder now counts for this one.
    if (newSide && oldProofIds.has(item.new!) && item.old !== item.new) {
      const reused = newRefs(item.new!).filter((ref) => ref.origin === 'folder').map((ref) => ref.path);
      if (reused.length > 0) impact.reusedFolderFiles = reused;
    }
    impacts.push(impact);
  }
  return impacts;
}
