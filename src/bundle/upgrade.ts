// `segur init --upgrade --rem NEW [DIR]`: carries a bundle's manifest from the REM it follows to a new
// one, through the catalog diff's pairing of requirements, scenarios and proofs. Writes one new file,
// `segur.<NEW catalog id>.yaml`, beside segur.yaml (never replaced, never any other file):
// statuses, justifications, notes and proof files carried over; a proof renumbered gets its old
// folder's files listed explicitly under its new number; what has no equivalent is kept in YAML
// comments; every requirement or proof that needs attention gets a "⚠" comment.
import { join, relative, resolve, sep } from 'node:path';
import { Document, isMap, stringify, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { SegurError } from '../errors.js';
import { diffCatalogs } from '../catalog/diff/compare.js';
import { changeLines, fieldLine, matchLabel, plainWords, type DiffLine } from '../catalog/diff/describe.js';
import type { ProofImpact, RequirementDiff, RequirementImpact } from '../catalog/diff/model.js';
import { catalogIdFromFile, isSafeCatalogId } from '../catalog/catalog-id.js';
import { maskCatalogTexts } from '../catalog/mask.js';
import type { Catalog, Requirement } from '../catalog/schema.js';
import { formatMessage, type Lang, type MessageArgs } from '../messages/index.js';
import { mapBundle, type BundleMapping } from './impact.js';
import { loadManifest } from './manifest.js';
import { MANIFEST_SCHEMA, type EvidenceEntry, type RequirementEntry, type ScenarioEntry } from './manifest-schema.js';
import { proofFolderName } from './paths.js';
import { checkManifestFits, isCatalogPath, oneLine, requirementComment, writeNewFile } from './scaffold.js';

export interface UpgradeOptions {
  dir: string;
  /** The new REM (CATALOG reference, relative to the current folder). */
  rem: string;
  profiles?: string[];
  lang: Lang;
  /** `--reveal-identifiers`: REM texts copied into comments keep their INS/NIR-shaped values in clear. */
  revealIdentifiers?: boolean;
}

export interface UpgradeResult {
  manifestPath: string;
  catalog: string;
  requirements: number;
  /** Requirements with at least one "⚠" comment (on themselves or one of their proofs). */
  attention: number;
  /** Evidence entries kept in comments because their proof or requirement has no equivalent. */
  orphanedFiles: number;
}

export async function upgradeBundle(options: UpgradeOptions): Promise<UpgradeResult> {
  const loaded = await loadManifest(options.dir);
  if (!loaded.manifest.rem) throw new SegurError('manifest/no-rem', { file: loaded.displayPath });
  const { resolveCatalog } = await import('../catalog/store.js');
  // REM texts reach the new manifest's comments (statements' word diffs, proof texts): masked before
  // diffing, like `catalog diff` (catalog/mask.ts); ids, the manifest's own keys, are kept.
  const shown = (catalog: Catalog) => (options.revealIdentifiers ? catalog : maskCatalogTexts(catalog));
  const oldCatalog = shown((await resolveCatalog(loaded.manifest.rem, { baseDir: resolve(options.dir) })).catalog);
  const resolvedNew = await resolveCatalog(options.rem, { baseDir: process.cwd() });
  const newCatalog = shown(resolvedNew.catalog);
  const newPath = resolvedNew.path;
  if (oldCatalog.id === newCatalog.id && oldCatalog.source.sha256 === newCatalog.source.sha256) {
    throw new SegurError('upgrade/same-catalog', { file: loaded.displayPath, catalog: newCatalog.id });
  }
  const diff = diffCatalogs(oldCatalog, newCatalog);
  const mapping = await mapBundle({ bundleDir: options.dir, oldCatalog, newCatalog, diff, profiles: options.profiles, loaded });
  const rem = isCatalogPath(options.rem) ? relative(resolve(options.dir), newPath).split(sep).join('/') : options.rem;
  const written = new ManifestWriter(options.lang, options.revealIdentifiers === true, oldCatalog, newCatalog, diff.requirements, mapping).text(rem);
  const manifestPath = join(options.dir, `segur.${fileStem(newCatalog.id)}.yaml`);
  checkManifestFits(written.document, written.text, manifestPath);
  await writeNewFile(manifestPath, written.text);
  return { manifestPath, catalog: newCatalog.id, requirements: written.requirements, attention: written.attention, orphanedFiles: written.orphanedFiles };
}

/** A catalog id read from a catalog file may hold anything: only a safe stem becomes part of a file name. */
function fileStem(id: string): string {
  return isSafeCatalogId(id) ? id : catalogIdFromFile(`${id.replace(/[\\/]/g, '-')}.yaml`);
}

interface RequirementOut {
  id: string;
  entry: Record<string, unknown>;
  comments: string[];
  proofComments: Map<string, string[]>;
  orphans?: { scenarios: Record<string, ScenarioEntry>; proofs: Record<string, EvidenceEntry[]> };
}

class ManifestWriter {
  private readonly say: (code: string, args?: MessageArgs) => string;
  private readonly byOld = new Map<string, RequirementDiff>();
  private readonly byNew = new Map<string, RequirementDiff>();
  private readonly impactByNew = new Map<string, RequirementImpact>();
  private readonly manifestEntries: Record<string, RequirementEntry | null>;
  private readonly consumed = new Set<string>();
  /** New requirements by id (the first of a duplicated id): looked up once per requirement. */
  private readonly newRequirements = new Map<string, Requirement>();
  private orphanedFiles = 0;

  constructor(
    lang: Lang,
    revealIdentifiers: boolean,
    private readonly oldCatalog: Catalog,
    private readonly newCatalog: Catalog,
    diffs: readonly RequirementDiff[],
    private readonly mapping: BundleMapping,
  ) {
    this.say = (code, args) => formatMessage(code, args, { lang, revealIdentifiers });
    for (const entry of diffs) {
      if (entry.old !== undefined) this.byOld.set(entry.old, entry);
      if (entry.new !== undefined) this.byNew.set(entry.new, entry);
    }
    for (const impact of mapping.impact.requirements) if (impact.new !== undefined) this.impactByNew.set(impact.new, impact);
    for (const requirement of newCatalog.requirements) if (!this.newRequirements.has(requirement.id)) this.newRequirements.set(requirement.id, requirement);
    this.manifestEntries = mapping.loaded.manifest.requirements ?? {};
  }

  text(rem: string): { document: Document; text: string; requirements: number; attention: number; orphanedFiles: number } {
    const selected = new Set(this.mapping.newSelected);
    const outs: RequirementOut[] = this.mapping.newSelected.map((id) => this.requirementOut(id, false));
    // Manifest entries of requirements outside the bundle's profiles that still exist: carried as they are.
    for (const oldId of Object.keys(this.manifestEntries)) {
      const target = this.byOld.get(oldId)?.new;
      if (this.consumed.has(oldId) || target === undefined || selected.has(target)) continue;
      outs.push(this.requirementOut(target, true));
    }
    const removed = this.removedEntries();
    for (const entry of Object.values(removed)) this.orphanedFiles += evidenceCount(entry.proofs ?? {});

    const manifest = this.mapping.loaded.manifest;
    const profiles = this.mapping.newProfiles;
    const document = new Document({
      schema: MANIFEST_SCHEMA,
      ...(manifest.editor ? { editor: manifest.editor } : {}),
      ...(manifest.software ? { software: manifest.software } : {}),
      rem,
      ...(profiles.length > 0 ? { profile: profiles.length === 1 ? profiles[0] : [...profiles] } : {}),
      requirements: Object.fromEntries(outs.map((out) => [out.id, out.entry])),
    });
    document.commentBefore = comment(this.say('upgrade/header', { old: this.oldCatalog.id, new: this.newCatalog.id }));
    const requirementsMap = document.get('requirements', true) as YAMLMap;
    requirementsMap.items.forEach((item, index) => attachComments(item as Pair<Scalar, YAMLMap>, outs[index]!, this.say, this.newCatalog.id));
    if (Object.keys(removed).length > 0) {
      document.comment = comment(`${this.say('upgrade/removed', { catalog: this.newCatalog.id })}\n${indentYaml(stringify(removed, { lineWidth: 0 }))}`);
    }
    const attention = outs.filter((out) => out.comments.some(isAttention) || [...out.proofComments.values()].some((lines) => lines.some(isAttention))).length;
    return { document, text: document.toString({ lineWidth: 0 }), requirements: outs.length, attention, orphanedFiles: this.orphanedFiles };
  }

  /**
   * Manifest entries left over (their requirement is gone, or was unknown to the old REM), and the
   * removed requirements' files found only in their proof folders: kept in a comment.
   */
  private removedEntries(): Record<string, RequirementEntry> {
    const removed: Record<string, RequirementEntry> = {};
    for (const [id, entry] of Object.entries(this.manifestEntries)) if (!this.consumed.has(id)) removed[id] = { ...(entry ?? {}) };
    for (const impact of this.mapping.impact.requirements) {
      if (impact.change !== 'removed' || impact.old === undefined) continue;
      const entry = (removed[impact.old] ??= {});
      const proofs: Record<string, EvidenceEntry[] | null> = { ...(entry.proofs ?? {}) };
      for (const [proof, refs] of this.mapping.oldFiles.get(impact.old) ?? []) {
        const listed = proofs[proof] ?? [];
        const listedPaths = new Set(listed.map((item) => item.path));
        const extra = refs.filter((ref) => ref.origin === 'folder' && !listedPaths.has(ref.path)).map((ref) => ({ path: ref.path }));
        if (extra.length > 0) proofs[proof] = [...listed, ...extra];
      }
      if (Object.keys(proofs).length > 0) entry.proofs = proofs;
    }
    return removed;
  }

  private requirementOut(newId: string, outsideProfiles: boolean): RequirementOut {
    const requirement = this.newRequirements.get(newId)!;
    const diff = this.byNew.get(newId)!;
    const sourceId = diff.old !== undefined && Object.hasOwn(this.manifestEntries, diff.old) ? diff.old : Object.hasOwn(this.manifestEntries, newId) ? newId : undefined;
    if (sourceId !== undefined) this.consumed.add(sourceId);
    const source = sourceId === undefined ? undefined : (this.manifestEntries[sourceId] ?? {});
    const attention = (text: string) => this.say('upgrade/attention', { text });

    const comments = [requirementComment(requirement)];
    const impact = this.impactByNew.get(newId);
    if (outsideProfiles) comments.push(this.say('upgrade/outside-profile', { catalog: this.newCatalog.id }));
    if (diff.old === undefined) comments.push(attention(this.say('upgrade/added', { catalog: this.newCatalog.id })));
    else if (impact?.change === 'entered-profile') comments.push(attention(this.say('upgrade/entered-profile', { catalog: this.newCatalog.id })));
    if (diff.status === 'renamed' && diff.match) comments.push(attention(this.say('upgrade/renamed', { old: diff.old!, match: matchLabel(this.say, diff.match) })));
    // Loops, not push(...): a requirement may have thousands of scenarios and proofs, a proof many files.
    for (const change of diff.changes) comments.push(attention(lineText(fieldLine(this.say, change))));
    for (const line of changeLines(this.say, { ...diff, changes: [], proofs: [] })) comments.push(attention(lineText(line).trim()));
    if (source?.status === 'non-applicable' && requirement.conditional === false) {
      comments.push(attention(this.say('upgrade/non-applicable-refused', { catalog: this.newCatalog.id })));
    }

    const entry: Record<string, unknown> = {};
    if (source === undefined) entry.status = 'en-cours';
    else {
      if (source.status !== undefined) entry.status = source.status;
      if (source.justification !== undefined) entry.justification = source.justification;
      if (source.note !== undefined) entry.note = source.note;
    }
    const orphans: NonNullable<RequirementOut['orphans']> = { scenarios: {}, proofs: {} };
    const scenarios = this.carriedScenarios(diff, source?.scenarios ?? {}, orphans.scenarios);
    if (Object.keys(scenarios).length > 0) entry.scenarios = scenarios;
    const proofComments = new Map<string, string[]>();
    entry.proofs = this.carriedProofs(requirement, diff, source?.proofs ?? {}, impact, proofComments, orphans.proofs);
    this.orphanedFiles += evidenceCount(orphans.proofs);
    const hasOrphans = Object.keys(orphans.scenarios).length > 0 || Object.keys(orphans.proofs).length > 0;
    return { id: newId, entry, comments, proofComments, ...(hasOrphans ? { orphans } : {}) };
  }

  private carriedScenarios(diff: RequirementDiff, listed: Record<string, ScenarioEntry>, orphans: Record<string, ScenarioEntry>): Record<string, ScenarioEntry> {
    const carried: Record<string, ScenarioEntry> = {};
    const targets = firstBy(diff.scenarios, (item) => item.old);
    for (const [oldId, value] of Object.entries(listed)) {
      const target = targets.get(oldId)?.new;
      if (target !== undefined) carried[target] = value;
      else orphans[oldId] = value;
    }
    return carried;
  }

  private carriedProofs(
    requirement: Requirement,
    diff: RequirementDiff,
    listed: Record<string, EvidenceEntry[] | null>,
    impact: RequirementImpact | undefined,
    comments: Map<string, string[]>,
    orphans: Record<string, EvidenceEntry[]>,
  ): Record<string, EvidenceEntry[]> {
    const attention = (text: string) => this.say('upgrade/attention', { text });
    const oldFolderFiles = (proof: string) =>
      (this.mapping.oldFiles.get(diff.old ?? '')?.get(proof) ?? []).filter((ref) => ref.origin === 'folder').map((ref): EvidenceEntry => ({ path: ref.path }));
    const carried: Record<string, EvidenceEntry[]> = {};
    const used = new Set<string>();
    // Maps, not `find` per proof: a requirement may have thousands of proofs.
    const items = firstBy(diff.proofs, (candidate) => candidate.new);
    const impacts = firstBy(impact?.proofs ?? [], (candidate: ProofImpact) => candidate.new);
    for (const proof of requirement.scenarios.flatMap((scenario) => scenario.proofs)) {
      const item = items.get(proof.id);
      const oldId = item?.old;
      const lines = [oneLine(proof.text)].filter((line) => line !== '');
      const entries: EvidenceEntry[] = [];
      if (oldId === undefined) lines.push(attention(this.say('upgrade/proof-new')));
      else {
        used.add(oldId);
        for (const entry of listed[oldId] ?? []) entries.push(entry);
        if (oldId !== proof.id) {
          lines.push(attention(this.say('upgrade/proof-renamed', { old: oldId })));
          const listedPaths = new Set(entries.map((entry) => entry.path));
          const moved = oldFolderFiles(oldId).filter((file) => !listedPaths.has(file.path));
          if (moved.length > 0) {
            for (const file of moved) entries.push(file);
            lines.push(attention(this.say('upgrade/proof-folder', { oldFolder: proofFolderName(oldId), newFolder: proofFolderName(proof.id) })));
          }
        }
        if (item?.text) lines.push(attention(`${this.say('diff/item.proof.changed', { id: proof.id })} ${plainWords(item.text)}`));
      }
      const reused = impacts.get(proof.id)?.reusedFolderFiles;
      if (reused) {
        lines.push(attention(this.say('diff/impact.reused', { folder: `proofs/${proofFolderName(proof.id)}/`, count: reused.length, id: proof.id })));
      }
      carried[proof.id] = entries;
      comments.set(proof.id, lines);
    }
    for (const [oldId, entries] of Object.entries(listed)) if (!used.has(oldId)) orphans[oldId] = entries ?? [];
    for (const item of diff.proofs) {
      if (item.new !== undefined || item.old === undefined || used.has(item.old)) continue;
      const kept = orphans[item.old] ?? [];
      const keptPaths = new Set(kept.map((entry) => entry.path));
      const files = oldFolderFiles(item.old).filter((file) => !keptPaths.has(file.path));
      if (files.length > 0) orphans[item.old] = [...kept, ...files];
    }
    return carried;
  }
}

/** The first item of each key (`undefined` keys skipped), as `find` would give it. */
function firstBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined && !index.has(value)) index.set(value, item);
  }
  return index;
}

function attachComments(pair: Pair<Scalar, YAMLMap>, out: RequirementOut, say: (code: string, args?: MessageArgs) => string, catalog: string): void {
  pair.key.commentBefore = comment(out.comments.join('\n'));
  const proofsMap = pair.value?.get('proofs', true);
  if (isMap(proofsMap)) {
    for (const proofPair of proofsMap.items as Pair<Scalar, unknown>[]) {
      const lines = out.proofComments.get(String(proofPair.key.value)) ?? [];
      if (lines.length > 0) proofPair.key.commentBefore = comment(lines.join('\n'));
    }
  }
  if (out.orphans && pair.value) {
    const kept = Object.fromEntries(Object.entries(out.orphans).filter(([, value]) => Object.keys(value).length > 0));
    pair.value.comment = comment(`${say('upgrade/orphans', { catalog })}\n${indentYaml(stringify(kept, { lineWidth: 0 }))}`);
  }
}

function lineText(line: DiffLine): string {
  return line.words ? `${line.text} ${plainWords(line.words)}` : line.text;
}

function isAttention(line: string): boolean {
  return line.startsWith('⚠');
}

function evidenceCount(proofs: Record<string, EvidenceEntry[] | null>): number {
  return Object.values(proofs).reduce((sum, entries) => sum + (entries?.length ?? 0), 0);
}

function indentYaml(text: string): string {
  return text.replace(/\n$/, '').split('\n').map((line) => `  ${line}`).join('\n');
}

/**
 * A YAML comment: one space after `#`, and no character that YAML or a terminal would read as a line
 * break or control (REM texts are untrusted: a CR in a statement must not end the comment).
 */
function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => ` ${line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')}`)
    .join('\n');
}
