// Folders under proofs/ named after no proof of the REM (a typo, or an old proof number after a REM
// upgrade) can still hold evidence: `segur init --upgrade` lists their files under the proof's new
// number. Which of their files the manifest attaches to a proof decides whether they are strays.
import type { Catalog } from '../catalog/schema.js';
import { filesOfFolder } from './collect.js';
import { mapConcurrently } from './concurrency.js';
import type { Manifest } from './manifest-schema.js';
import { PROOFS_DIR, bundlePath, isLexicallyInside, proofFolderName, samePathKey } from './paths.js';

/** Every proof id of the catalog, all profiles, in REM order (duplicates kept). */
export function catalogProofIds(catalog: Catalog): string[] {
  return catalog.requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proof.id)));
}

/** Folder names under proofs/ that stand for a proof of the catalog (`INS/va1.01.01.01` → `INS_va1.01.01.01`). */
export function catalogProofFolders(catalog: Catalog): Set<string> {
  return new Set(catalogProofIds(catalog).map(proofFolderName));
}

/**
 * The files the manifest lists under a proof of the catalog, by the folder directly under proofs/
 * that holds them: folder key → file key → proof id (the first proof listing it, manifest order).
 * Keys are NFC (`samePathKey`), paths bundle-relative and POSIX (`./` and `\` normalised). Paths
 * leaving the bundle, or listed under a proof id the catalog does not know (`manifest/unknown-proof`),
 * attach nothing. Work: one pass over the manifest's entries.
 */
export function manifestFilesByFolder(manifest: Manifest, catalog: Catalog): Map<string, Map<string, string>> {
  const known = new Set(catalogProofIds(catalog));
  const byFolder = new Map<string, Map<string, string>>();
  for (const entry of Object.values(manifest.requirements ?? {})) {
    for (const [proofId, files] of Object.entries(entry?.proofs ?? {})) {
      if (!known.has(proofId)) continue;
      for (const file of files ?? []) {
        if (!isLexicallyInside(file.path)) continue;
        const segments = bundlePath(file.path).split('/');
        if (segments[0] !== PROOFS_DIR || segments.length < 3) continue;
        const folderKey = samePathKey(segments[1]!);
        const files = byFolder.get(folderKey) ?? new Map<string, string>();
        const fileKey = samePathKey(segments.join('/'));
        if (!files.has(fileKey)) files.set(fileKey, proofId);
        byFolder.set(folderKey, files);
      }
    }
  }
  return byFolder;
}

/**
 * The files of each folder of `folders` (names directly under proofs/) that is named after no proof
 * of the catalog and holds a file the manifest lists under one: folder name → bundle-relative paths,
 * sorted. Other folders are not walked, so the work is bounded by the manifest's entries (each walk
 * by MAX_BUNDLE_FILES, SegurError `bundle/too-many-files` past it, as for a proof's folder).
 */
export async function strayFolderFiles(bundleRealRoot: string, folders: readonly string[], manifest: Manifest, catalog: Catalog): Promise<Map<string, string[]>> {
  const known = catalogProofFolders(catalog);
  const listed = manifestFilesByFolder(manifest, catalog);
  const walked = folders.filter((folder) => !known.has(folder) && listed.has(samePathKey(folder)));
  const files = await mapConcurrently(walked, 8, (folder) => filesOfFolder(bundleRealRoot, folder));
  return new Map(walked.map((folder, index) => [folder, files[index]!]));
}
