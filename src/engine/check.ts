// `segur check` as one function: bundle folder → Report. Reads the manifest and the catalog, attaches
// and reads evidence files (inside the bundle only), runs the artefact validators and the rule
// registry, aggregates verdicts and the gate. Never writes anything.
import { join, resolve } from 'node:path';
import { SegurError } from '../errors.js';
import { requirementsForProfiles, type Catalog, type Requirement } from '../catalog/schema.js';
import { collectEvidence, proofFolderNames, type Attachments } from '../bundle/collect.js';
import { inspectFiles } from '../bundle/inspect.js';
import { strayFolderFiles } from '../bundle/stray-folders.js';
import { loadManifest, type LoadedManifest } from '../bundle/manifest.js';
import { MANIFEST_FILE } from '../bundle/manifest-schema.js';
import { effectiveKind } from '../bundle/sniff.js';
import { matchProfiles, profileList } from '../bundle/profiles.js';
import { realBundleRoot } from '../bundle/paths.js';
import type { AttachedFile, FileFacts } from '../bundle/model.js';
import type { Lang } from '../messages/index.js';
import { buildReport, type RequirementOutcome } from '../report/build.js';
import type { EvidenceView, ReportContext } from '../report/model.js';
import { RULES } from '../rules/index.js';
import { scenarioApplies, type ProofEvidence, type RequirementContext } from '../rules/rule.js';
import { validatableInputs, validateBundleArtefacts, type ArtefactFindingsByPath, type BundleArtefacts } from './artefacts.js';
import { evsMatchFindings } from './evs-match.js';
import { messageProofFindings } from './message-proof.js';
import { maskIdentifier } from '../messages/mask.js';
import type { Finding } from './finding.js';
import { CDA_CARRIERS, type ArtefactInput } from '../artefacts/types.js';
import { runBundleRules, runRequirementRules } from './run-rules.js';
import { gatePasses, gatingWarnings, requirementVerdict } from './verdict.js';

export interface CheckOptions {
  bundleDir: string;
  rem?: string;
  profiles?: string[];
  /** Warnings fail the gate too (`--strict`, `--fail-level warning`). */
  strict: boolean;
  /** The gate fails beyond this many warnings (`--max-warnings`). */
  maxWarnings?: number;
  lang: Lang;
  revealIdentifiers: boolean;
  date?: string;
  onProgress?: (done: number, total: number) => void;
  /** TestContenuCDA folder (`--cisis`), else the manifest's `cisis:`; absent: volet rules not run. */
  cisis?: string;
  /** The file whose `cisis:` key gave `cisis` (.segurrc.yaml), named when that folder cannot be read. */
  cisisNamedBy?: string;
  /**
   * Whether the manifest's `cisis:` key may name the tree (default true: the editor's own check).
   * `segur batch` sets false: a submitted folder must not choose the rules it is judged by.
   */
  manifestCisis?: boolean;
  /** Volet forced on every CDA document (`--volet`). */
  volet?: string;
  /** Also validate CDA documents against the tree's CDA XSD (`--xsd`). */
  xsd?: boolean;
}

export interface CheckOutcome {
  context: ReportContext;
  gatePassed: boolean;
  /** The catalog file the REM reference resolved to (segur batch keys its cache on its bytes). */
  catalogPath: string;
  /** The catalog id the reference was, when it was one (its file depends on the rem-catalogs/ folders). */
  catalogId?: string;
}

export async function checkBundle(options: CheckOptions): Promise<CheckOutcome> {
  const bundleRoot = await realBundleRoot(options.bundleDir);
  const loaded = await loadManifest(options.bundleDir);
  const { catalog, path: catalogPath, id: catalogId } = await catalogFor(options, loaded);
  const profiles = matchProfiles(catalog, options.profiles?.length ? options.profiles : profileList(loaded.manifest.profile));
  const selected = requirementsForProfiles(catalog, profiles);

  const attachments = await collectEvidence(bundleRoot, loaded.manifest, loaded.positions, selected);
  const facts = await inspectFiles(bundleRoot, allPaths(attachments), options.onProgress);
  const evidence = attachEvidence(selected, attachments, facts);
  const fromManifest = options.cisis === undefined && options.manifestCisis !== false ? loaded.manifest.cisis : undefined;
  const cisis = await cisisOptions(options, fromManifest);
  const inputs = validatableInputs([...evidence.values()].flat().flatMap((proof) => proof.files), bundleRoot, cisis);
  const artefacts = await validateBundleArtefacts(inputs);

  const outcomes = selected.map((requirement) =>
    requirementOutcome(requirement, evidence.get(requirement.id)!, loaded, artefacts),
  );
  const proofFolders = await proofFolderNames(bundleRoot);
  const bundleFindings = runBundleRules(RULES, {
    catalog,
    manifest: loaded.manifest,
    positions: loaded.positions,
    manifestFile: MANIFEST_FILE,
    selected,
    proofFolders,
    strayFolderFiles: await strayFolderFiles(bundleRoot, proofFolders, loaded.manifest, catalog),
  });
  // Without a TestContenuCDA folder, one bundle-level note (not one per document) says so.
  if (!cisis && inputs.some((input) => CDA_CARRIERS.has(input.kind))) bundleFindings.push({ rule: 'cisis/not-run', severity: 'info', args: {} });
  // Rules named by the bundle itself: the report says where they came from (they are the editor's choice).
  if (cisis && fromManifest !== undefined) bundleFindings.push({ rule: 'cisis/tree-from-manifest', severity: 'info', args: { dir: fromManifest } });
  const gatePassed = gatePasses({ requirements: outcomes, bundleFindings, strict: options.strict, maxWarnings: options.maxWarnings });
  const report = buildReport({
    catalog,
    manifest: loaded.manifest,
    profiles,
    outcomes,
    bundleFindings,
    gatePassed,
    lang: options.lang,
    revealIdentifiers: options.revealIdentifiers,
    date: options.date,
  });
  const documents = documentViews(artefacts.results, options.revealIdentifiers);
  const context: ReportContext = {
    report,
    catalog,
    lang: options.lang,
    bundleRoot: options.bundleDir,
    revealIdentifiers: options.revealIdentifiers,
    strict: options.strict,
    gatingWarnings: gatingWarnings(outcomes, bundleFindings),
    ...(documents.size > 0 ? { evidence: documents } : {}),
  };
  if (options.maxWarnings !== undefined) context.maxWarnings = options.maxWarnings;
  return { context, gatePassed, catalogPath, ...(catalogId === undefined ? {} : { catalogId }) };
}

/** CI-SIS packs for the CDA validator: compiled on first use (SegurError, exit 2, on a bad folder or volet). */
async function cisisOptions(options: CheckOptions, fromManifest: string | undefined): Promise<ArtefactInput['cisis']> {
  const dir = options.cisis ?? (fromManifest !== undefined ? resolve(options.bundleDir, fromManifest) : undefined);
  if (dir === undefined) {
    if (options.volet !== undefined) throw new SegurError('cisis/volet-needs-cisis');
    if (options.xsd) throw new SegurError('cisis/xsd-needs-cisis');
    return undefined;
  }
  const { resolveCisisOptions } = await import('../cisis/resolve-options.js');
  const namedBy = options.cisis !== undefined ? options.cisisNamedBy : join(options.bundleDir, MANIFEST_FILE);
  return resolveCisisOptions(dir, { volet: options.volet, xsd: options.xsd }, options.lang, undefined, namedBy);
}

function requirementOutcome(
  requirement: Requirement,
  proofs: ProofEvidence[],
  loaded: LoadedManifest,
  artefacts: BundleArtefacts,
): RequirementOutcome {
  const entry = loaded.manifest.requirements?.[requirement.id] ?? undefined;
  const listed = Object.hasOwn(loaded.manifest.requirements ?? {}, requirement.id);
  const context: RequirementContext = { requirement, entry, listed, positions: loaded.positions, manifestFile: MANIFEST_FILE, proofs };
  const findings: Finding[] = [
    ...runRequirementRules(RULES, context),
    ...attachedArtefactFindings(requirement.id, proofs, artefacts.findings),
    ...evsMatchFindings(requirement.id, proofs, artefacts.results),
    ...messageProofFindings(requirement.id, proofs, artefacts.results, loaded.manifest),
  ];
  return {
    id: requirement.id,
    nature: requirement.nature,
    verdict: requirementVerdict(entry?.status, findings),
    // The report lists the proofs still expected (report/model.ts): none of a scenario declared non-applicable.
    proofs: proofs.filter(({ scenario }) => scenarioApplies(context, scenario)),
    findings,
  };
}

function attachedArtefactFindings(requirement: string, proofs: readonly ProofEvidence[], byPath: ArtefactFindingsByPath): Finding[] {
  return proofs.flatMap(({ proof, files }) =>
    files.flatMap(({ ref }) =>
      (byPath.get(ref.path) ?? []).map((finding) => ({ ...finding, requirement, proof: proof.id, file: ref.path })),
    ),
  );
}

function attachEvidence(selected: readonly Requirement[], attachments: Attachments, facts: Map<string, FileFacts>): Map<string, ProofEvidence[]> {
  const evidence = new Map<string, ProofEvidence[]>();
  for (const requirement of selected) {
    const byProof = attachments.get(requirement.id)!;
    evidence.set(
      requirement.id,
      requirement.scenarios.flatMap((scenario) =>
        scenario.proofs.map((proof) => ({
          scenario,
          proof,
          files: (byProof.get(proof.id) ?? []).map((ref): AttachedFile => {
            const fileFacts = facts.get(ref.path)!;
            return { ref, facts: fileFacts, kind: fileFacts.status === 'read' ? effectiveKind(ref.declaredKind, fileFacts.sniffed) : ref.declaredKind };
          }),
        })),
      ),
    );
  }
  return evidence;
}

function allPaths(attachments: Attachments): string[] {
  return [...attachments.values()].flatMap((byProof) => [...byProof.values()].flat().map((ref) => ref.path));
}

async function catalogFor(options: CheckOptions, loaded: LoadedManifest): Promise<{ catalog: Catalog; path: string; id?: string }> {
  const { resolveCatalog } = await import('../catalog/store.js');
  // --rem is typed by the user: relative to the current folder; the manifest's is relative to itself.
  if (options.rem) return resolveCatalog(options.rem, { baseDir: process.cwd() });
  if (!loaded.manifest.rem) throw new SegurError('manifest/no-rem', { file: loaded.displayPath });
  return resolveCatalog(loaded.manifest.rem, { baseDir: resolve(options.bundleDir) });
}

/** CDA header facts as the HTML report shows them: the patient's INS masked unless revealed. */
function documentViews(results: BundleArtefacts['results'], revealIdentifiers: boolean): Map<string, EvidenceView> {
  const views = new Map<string, EvidenceView>();
  for (const [path, { header }] of results) {
    if (!header) continue;
    const { patientIns, ...facts } = header;
    views.set(path, { kind: 'document', ...facts, ...(patientIns ? { patient: revealIdentifiers ? patientIns : maskIdentifier(patientIns) } : {}) });
  }
  return views;
}
