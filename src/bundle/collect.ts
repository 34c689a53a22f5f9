// Which files belong to which expected proof: those the manifest lists under the proof, plus every
// file under `proofs/<proof id with / → _>/` (docs/product.md). Nothing is read here; folders are
// only listed after their real path is known to lie inside the bundle.
import { readdir } from 'node:fs/promises';
import { SegurError } from '../errors.js';
import type { Requirement } from '../catalog/schema.js';
import { mapConcurrently } from './concurrency.js';
import type { ManifestPositions } from './manifest-positions.js';
import type { Manifest } from './manifest-schema.js';
import type { EvidenceRef } from './model.js';
import { isJunkFileName } from './junk-files.js';
import { PROOFS_DIR, bundlePath, isLexicallyInside, proofFolderName, resolveInsideBundle, samePathKey } from './paths.js';

/** requirement id → proof id → files, proofs in REM order. */
export type Attachments = Map<string, Map<string, EvidenceRef[]>>;

/** Folders walked below a proof folder; the first one deeper becomes a finding (file/folder-too-deep). */
export const MAX_FOLDER_DEPTH = 16;

/** Whether a bundle-relative path under `proofs/<proof>/` lies deeper than the walk goes. */
export function isBeyondFolderDepth(path: string): boolean {
  const segments = path.split('/');
  return segments[0] === PROOFS_DIR && segments.length - 2 > MAX_FOLDER_DEPTH;
}
/**
 * Evidence files of one bundle (listed and found under proofs/). A REM asks for a few hundred proofs;
 * each file is read, hashed and may be validated: beyond this the run would only be made slow.
 */
export const MAX_BUNDLE_FILES = 20_000;

export async function collectEvidence(
  bundleRealRoot: string,
  manifest: Manifest,
  positions: ManifestPositions,
  requirements: readonly Requirement[],
): Promise<Attachments> {
  const proofIds = requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proof.id)));
  const folderFiles = await listProofFolders(bundleRealRoot, proofIds);
  const attachments: Attachments = new Map();
  let total = 0;
  for (const requirement of requirements) {
    const byProof = new Map<string, EvidenceRef[]>();
    const listed = manifest.requirements?.[requirement.id]?.proofs ?? {};
    for (const scenario of requirement.scenarios) {
      for (const proof of scenario.proofs) {
        const refs: EvidenceRef[] = [];
        (listed[proof.id] ?? []).forEach((entry, index) => {
          refs.push({
            path: isLexicallyInside(entry.path) ? bundlePath(entry.path) : entry.path,
            declaredKind: entry.kind,
            declaredSha256: entry.sha256?.toLowerCase(),
            origin: 'manifest',
            position: positions.valueAt(['requirements', requirement.id, 'proofs', proof.id, index]),
          });
        });
        for (const path of folderFiles.get(proof.id) ?? []) {
          // A folder file the manifest already lists (its name maybe in another Unicode form) is one file.
          if (!refs.some((ref) => samePathKey(ref.path) === samePathKey(path))) refs.push({ path, origin: 'folder' });
        }
        byProof.set(proof.id, uniqueByPath(refs));
      }
    }
    attachments.set(requirement.id, byProof);
    total += [...byProof.values()].reduce((sum, refs) => sum + refs.length, 0);
    if (total > MAX_BUNDLE_FILES) throw new SegurError('bundle/too-many-files', { count: total, max: MAX_BUNDLE_FILES });
  }
  return attachments;
}

/**
 * The proof folders' files, listed a few folders at a time (thousands of proofs: latency adds up).
 * A proof whose folder name (in any Unicode form) is not in `proofs/` has none: known from one
 * listing of `proofs/` instead of a resolution per proof (a 2,000-requirement REM: ≈100 ms).
 */
async function listProofFolders(bundleRealRoot: string, proofIds: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(proofIds)];
  const present = await proofsEntryNames(bundleRealRoot);
  const files = await mapConcurrently(unique, FOLDER_CONCURRENCY, (proofId) =>
    present && !present.has(listingKey(proofFolderName(proofId))) ? Promise.resolve([]) : filesOfProofFolder(bundleRealRoot, proofId),
  );
  return new Map(unique.map((proofId, index) => [proofId, files[index]!]));
}

/**
 * The names in `proofs/` (listingKey), or undefined when it cannot be listed inside the bundle (each
 * folder is then resolved on its own, to say why).
 */
async function proofsEntryNames(bundleRealRoot: string): Promise<Set<string> | undefined> {
  const resolved = await resolveInsideBundle(bundleRealRoot, PROOFS_DIR);
  if (!resolved.ok) return undefined;
  const names = await readdir(resolved.absolutePath).catch(() => undefined);
  return names && new Set(names.map(listingKey));
}

/**
 * A name as some file system may match it: Unicode form, letter case and trailing dots or spaces set
 * aside (macOS and Windows ignore case, Windows trailing dots), so that a folder another platform
 * would find is always resolved in full, never skipped by the shortcut.
 */
function listingKey(name: string): string {
  return samePathKey(name).toLocaleLowerCase('fr').replace(/[. ]+$/, '');
}

const FOLDER_CONCURRENCY = 8;

/** Folder names directly under `proofs/`, sorted; none when `proofs/` is absent or leads outside the bundle. */
export async function proofFolderNames(bundleRealRoot: string): Promise<string[]> {
  const resolved = await resolveInsideBundle(bundleRealRoot, PROOFS_DIR);
  if (!resolved.ok) return [];
  try {
    const entries = await readdir(resolved.absolutePath, { withFileTypes: true });
    return entries.filter((entry) => !isJunkFileName(entry.name) && (entry.isDirectory() || entry.isSymbolicLink())).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

/**
 * Bundle-relative paths of the files under the proof's folder, sorted. Hidden and system files
 * (`.gitkeep`, `.DS_Store`, `Thumbs.db`, `~$…` lock files: bundle/junk-files.ts) are skipped. Symlinks are returned unfollowed: the reader resolves them safely; a
 * folder symlink that leaves the bundle is returned as itself so that it becomes a finding.
 */
export async function filesOfProofFolder(bundleRealRoot: string, proofId: string): Promise<string[]> {
  return filesOfFolder(bundleRealRoot, proofFolderName(proofId));
}

/** As `filesOfProofFolder`, for the folder `proofs/<folderName>/` (one named after no proof, too). */
export async function filesOfFolder(bundleRealRoot: string, folderName: string): Promise<string[]> {
  const folder = `${PROOFS_DIR}/${folderName}`;
  const resolved = await resolveInsideBundle(bundleRealRoot, folder);
  if (!resolved.ok) return resolved.problem === 'not-found' ? [] : [folder];
  const found: string[] = [];
  await walk(resolved.absolutePath, folder, 0, found);
  return found.sort();
}

async function walk(absolute: string, relative: string, depth: number, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    // Not a folder (a file named like the proof folder): the file itself is the evidence. A folder
    // that cannot be listed (EACCES…) is returned too: reading it then says why, never silently.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') found.push(relative);
    return;
  }
  for (const entry of entries) {
    if (isJunkFileName(entry.name)) continue;
    if (found.length >= MAX_BUNDLE_FILES) throw new SegurError('bundle/too-many-files', { count: found.length + 1, max: MAX_BUNDLE_FILES });
    const childRelative = `${relative}/${entry.name}`;
    // Real folders only: a symlinked folder is never listed, it is reported through the reader. A
    // folder beyond the depth cap is returned as itself: its files are not read, and that is said.
    if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH) await walk(`${absolute}/${entry.name}`, childRelative, depth + 1, found);
    else found.push(childRelative);
  }
}

function uniqueByPath(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => (seen.has(samePathKey(ref.path)) ? false : (seen.add(samePathKey(ref.path)), true)));
}
