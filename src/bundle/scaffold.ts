// `segur init`: a manifest listing every requirement of the profile (status en-cours, every expected
// proof as an empty list, comments to guide the editor) and one empty folder per proof. An existing
// manifest is never replaced, even by a race (the file is linked into place, which fails if taken).
import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { SegurError, describeIoError } from '../errors.js';
import { removeOnInterrupt } from '../io/cleanup.js';
import { requirementsForProfiles, type Catalog, type Requirement } from '../catalog/schema.js';
import { maskCatalogTexts } from '../catalog/mask.js';
import { MANIFEST_FILE, MANIFEST_SCHEMA } from './manifest-schema.js';
import { MAX_MANIFEST_BYTES, MAX_MANIFEST_ENTRIES, RESERVED_KEYS, countEntries } from './manifest.js';
import { countEntryIndicators } from '../io/yaml-tokens.js';
import { PROOFS_DIR, proofFolderName } from './paths.js';
import { catalogProfiles, matchProfiles } from './profiles.js';

export interface ScaffoldOptions {
  dir: string;
  rem: string;
  profiles?: string[];
  /** `--reveal-identifiers`: REM texts copied into comments keep their INS/NIR-shaped values in clear. */
  revealIdentifiers?: boolean;
}

export interface ScaffoldResult {
  manifestPath: string;
  profiles: string[];
  requirements: number;
  folders: number;
}

const DEFAULT_PROFILE = 'Général';

export async function scaffoldBundle(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const manifestPath = join(options.dir, MANIFEST_FILE);
  const { resolveCatalog } = await import('../catalog/store.js');
  const { catalog: read, path: catalogPath } = await resolveCatalog(options.rem, { baseDir: process.cwd() });
  // Comments quote the REM (title, chapters, functions, proof texts): identifiers in them are masked;
  // ids and profiles, the manifest's own data, are kept.
  const catalog = options.revealIdentifiers ? read : maskCatalogTexts(read);
  const profiles = options.profiles?.length ? matchProfiles(catalog, options.profiles) : defaultProfiles(catalog);
  const requirements = requirementsForProfiles(catalog, profiles);
  const rem = isCatalogPath(options.rem) ? relative(resolve(options.dir), catalogPath).split(sep).join('/') : options.rem;
  const document = manifestDocument(catalog, rem, profiles, requirements);
  const text = document.toString({ lineWidth: 0 });
  // Checked before any folder is created: nothing is written for a manifest `check` would refuse.
  checkManifestFits(document, text, manifestPath);

  const folders = [...new Set(requirements.flatMap((requirement) => requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => proof.id))))];
  try {
    await mkdir(options.dir, { recursive: true });
  } catch (error) {
    throw new SegurError('init/not-writable', { dir: options.dir, reason: describeIoError(error) }, { cause: error });
  }
  await writeNewFile(manifestPath, text);
  try {
    for (const proof of folders) await mkdir(join(options.dir, PROOFS_DIR, proofFolderName(proof)), { recursive: true });
  } catch (error) {
    throw new SegurError('init/not-writable', { dir: options.dir, reason: describeIoError(error) }, { cause: error });
  }
  return { manifestPath, profiles, requirements: requirements.length, folders: folders.length };
}

function defaultProfiles(catalog: Catalog): string[] {
  const available = catalogProfiles(catalog);
  return available.includes(DEFAULT_PROFILE) ? [DEFAULT_PROFILE] : available;
}

export function isCatalogPath(ref: string): boolean {
  return ['.yaml', '.yml', '.json', '.xlsx', '.xlsm', '.xls'].includes(extname(ref).toLowerCase());
}

export function manifestText(catalog: Catalog, rem: string, profiles: readonly string[], requirements: readonly Requirement[]): string {
  return manifestDocument(catalog, rem, profiles, requirements).toString({ lineWidth: 0 });
}

/**
 * Refuses (exit 2, init/manifest-reserved-key, init/manifest-too-large or init/manifest-too-many-entries)
 * a manifest that `segur check` would refuse (manifest.ts RESERVED_KEYS, MAX_MANIFEST_BYTES,
 * MAX_MANIFEST_ENTRIES): `init` and
 * `init --upgrade` never write one. Within the catalog caps (catalog/limits.ts) only the bytes can
 * pass: thousands of proofs, each with its text as a comment.
 */
export function checkManifestFits(document: Document, text: string, file: string): void {
  const reserved = reservedKey(document);
  if (reserved !== undefined) throw new SegurError('init/manifest-reserved-key', { file, key: reserved });
  // What check counts first (the entry indicators of the text) and then (entries, aliases expanded).
  const entries = Math.max(countEntries(document), countEntryIndicators(text).count);
  if (entries > MAX_MANIFEST_ENTRIES) throw new SegurError('init/manifest-too-many-entries', { file, count: entries, max: MAX_MANIFEST_ENTRIES });
  const size = Buffer.byteLength(text);
  if (size > MAX_MANIFEST_BYTES) throw new SegurError('init/manifest-too-large', { file, size, max: MAX_MANIFEST_BYTES });
}

/** A key `check` refuses (manifest.ts RESERVED_KEYS: a catalog id `__proto__`), walking maps without recursion. */
function reservedKey(document: Document): string | undefined {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (RESERVED_KEYS.has(key)) return key;
        pending.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) pending.push(item);
  }
  return undefined;
}

function manifestDocument(catalog: Catalog, rem: string, profiles: readonly string[], requirements: readonly Requirement[]): Document {
  const document = new Document({
    schema: MANIFEST_SCHEMA,
    editor: { name: '' },
    software: { name: '', version: '' },
    rem,
    profile: profiles.length === 1 ? profiles[0] : [...profiles],
    requirements: Object.fromEntries(
      requirements.map((requirement) => [
        requirement.id,
        {
          status: 'en-cours',
          proofs: Object.fromEntries(requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => [proof.id, []]))),
        },
      ]),
    ),
  });
  document.commentBefore = HEADER_COMMENT.replace('{catalog}', `${catalog.id} — ${catalog.title}`);
  const requirementsMap = document.get('requirements', true) as YAMLMap;
  requirementsMap.items.forEach((item, index) => {
    const requirement = requirements[index]!;
    const pair = item as Pair<Scalar, YAMLMap>;
    pair.key.commentBefore = ` ${requirementComment(requirement)}`;
    const proofsMap = pair.value?.get('proofs', true);
    if (!isMap(proofsMap)) return;
    const texts = new Map(requirement.scenarios.flatMap((scenario) => scenario.proofs.map((proof) => [proof.id, proof.text])));
    for (const proofPair of proofsMap.items as Pair<Scalar, unknown>[]) {
      const text = oneLine(texts.get(String(proofPair.key.value)) ?? '');
      if (text) proofPair.key.commentBefore = ` ${text}`;
    }
  });
  return document;
}

const HEADER_COMMENT = ` Dossier de preuves Ségur : manifeste segur.yaml (schéma segur-bundle/1).
 REM : {catalog}
 Pour chaque exigence :
   status: conforme | non-applicable | en-cours
   justification: obligatoire quand status vaut non-applicable
   scenarios: (facultatif) un scénario qui ne s’applique pas, ex. { ID: { status: non-applicable, justification: "…" } }
   proofs: pour chaque preuve attendue, la liste de ses fichiers :
     - path: proofs/DOSSIER/fichier.png   (relatif à ce dossier)
       kind: screenshot                   (facultatif : screenshot, video, cda, ins, xdm, eml, evs-report, pdf, log, document)
       sha256: "…"                        (facultatif ; vérifié s’il est présent)
 Un fichier déposé dans proofs/<n° de preuve, « / » remplacé par « _ »>/ est rattaché à sa preuve sans être listé.
 Vérification : segur check <ce dossier>`;

/** `Gestion de l'INS — Appel au téléservice INSi (EXIGENCE, non conditionnelle)`: the line above each requirement. */
export function requirementComment(requirement: Requirement): string {
  const conditional = requirement.conditional === true ? ', conditionnelle' : requirement.conditional === false ? ', non conditionnelle' : '';
  return `${requirement.chapter} — ${requirement.function} (${requirement.nature}${conditional})`;
}

export function oneLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/**
 * Creates `target` with `text`; never replaces an existing file, even by a race (exit 2:
 * init/manifest-exists). The temporary file is registered for removal on Ctrl-C or SIGTERM
 * (io/cleanup.ts: removed, then exit 130 / 143), so an interrupted `init` leaves no `.tmp` behind.
 */
export async function writeNewFile(target: string, text: string): Promise<void> {
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const forget = removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SegurError('init/manifest-exists', { file: target });
    throw new SegurError('io/output-not-writable', { file: target, reason: describeIoError(error) }, { cause: error });
  } finally {
    await unlink(temporary).catch(() => undefined);
    forget();
  }
}
