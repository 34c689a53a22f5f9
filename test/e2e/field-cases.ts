// The right outcome of each fidelity case of ../shared/field-cases (its README.md), and how to check
// it through the built CLI. Two trees follow the same layout and must give the same outcome: the
// fixtures this project generates (fixtures/field-cases, scripts/fixtures/field-cases.ts) and the
// shared originals (the reference). `validate` without `--kind`, `validate --kind`, and `check` where
// a bundle is given must agree: same kind, same finding codes, same lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../helpers/cli.js';

type Finding = [rule: string, severity: string];
/** Where the README fixes the place of the first finding; the column differs between the two trees. */
interface Place {
  line: number;
  column: { generated: number; shared: number };
}

export interface FileCase {
  /** Relative to the tree's root (`<case folder>/<file>`). */
  path: string;
  kind: 'cda' | 'xdm';
  findings: Finding[];
  /** Line of the first finding in each tree, when the README asks for file and line. */
  line?: { generated: number; shared: number };
  /** Only in the generated tree (a variant the shared folder does not have). */
  generatedOnly?: true;
}

export interface BundleCase {
  bundle: string;
  exit: 0 | 1;
  /** The proof file the case is about, bundle-relative, with its kind and findings in the report. */
  file: string;
  kind: string;
  findings: Finding[];
  place?: Place;
  /** False: the file has no validator (`validate` is not asked about it); else checkFileCases validates it. */
  validated: boolean;
}

const ERROR = 'error';
const WARNING = 'warning';

export const FILE_CASES: FileCase[] = [
  { path: 'utf16-cda/cda-utf16le.xml', kind: 'cda', findings: [] },
  { path: 'utf16-cda/cda-utf16le-wrongkey.xml', kind: 'cda', findings: [['ins/key', ERROR]] },
  { path: 'latin1-bytes-declared-utf8/cda-latin1-bytes.xml', kind: 'cda', findings: [['cda/encoding', ERROR]], line: { generated: 2, shared: 11 } },
  { path: 'not-well-formed/cda-n1-invalid-utf8.xml', kind: 'cda', findings: [['cda/encoding', ERROR]], line: { generated: 113, shared: 93 } },
  { path: 'not-well-formed/cda-n1-trailing-root.xml', kind: 'cda', findings: [['cda/not-well-formed', ERROR]], line: { generated: 118, shared: 119 } },
  // The fault alone: the body rule does not claim the PDF absent when the document is cut inside it.
  { path: 'not-well-formed/cda-n1-truncated-in-base64.xml', kind: 'cda', findings: [['cda/not-well-formed', ERROR]] },
  { path: 'not-well-formed/cda-n3-truncated.xml', kind: 'cda', findings: [['cda/not-well-formed', ERROR]] },
  { path: 'cda-namespace/cda-no-namespace.xml', kind: 'cda', findings: [['cda/namespace', ERROR]] },
  { path: 'cda-namespace/cda-wrong-namespace.xml', kind: 'cda', findings: [['cda/namespace', ERROR]] },
  { path: 'cda-namespace/cda-prefixed.xml', kind: 'cda', findings: [] },
  { path: 'xdm-backslash-names/IHE_XDM.ZIP', kind: 'xdm', findings: [['xdm/backslash-separator', WARNING]] },
  {
    path: 'xdm-backslash-names/IHE_XDM-wrongkey.ZIP',
    kind: 'xdm',
    findings: [['ins/key', ERROR], ['xdm/backslash-separator', WARNING]],
    generatedOnly: true,
  },
  { path: 'xdm-duplicate-entry/dup-doc.zip', kind: 'xdm', findings: [['xdm/duplicate-entry', ERROR]] },
];

const CDA_PROOF = 'proofs/INS_va1.02.01.01/compte-rendu.xml';

export const BUNDLE_CASES: BundleCase[] = [
  { bundle: 'utf16-cda/bundle', exit: 0, file: CDA_PROOF, kind: 'cda', findings: [], validated: true },
  { bundle: 'sniff-vs-parser/sniff-utf16', exit: 1, file: CDA_PROOF, kind: 'cda', findings: [['ins/key', ERROR]], validated: true },
  { bundle: 'sniff-vs-parser/sniff-comment', exit: 1, file: CDA_PROOF, kind: 'cda', findings: [['ins/key', ERROR]], validated: true },
  {
    bundle: 'malformed-cda-position/bundle',
    exit: 1,
    file: CDA_PROOF,
    kind: 'cda',
    findings: [['cda/not-well-formed', ERROR]],
    place: { line: 42, column: { generated: 24, shared: 13 } },
    validated: true,
  },
  {
    bundle: 'xdm-backslash-names/bundle',
    exit: 0,
    file: 'proofs/MSS_va1.01.01.01/IHE_XDM.ZIP',
    kind: 'xdm',
    findings: [['xdm/backslash-separator', WARNING]],
    validated: true,
  },
  { bundle: 'nfd-file-name/bundle', exit: 0, file: 'proofs/INS_va1.01.01.01/capture-écran-insi.png', kind: 'screenshot', findings: [], validated: false },
];

interface ValidateJson {
  files: Array<{ path: string; kind: string; findings: Array<{ rule: string; severity: string; location: string | null }> }>;
}

interface CheckJson {
  requirements: Array<{ proofs: Array<{ files: Array<{ path: string; kind: string }> }> }>;
  findings: Array<{ rule: string; severity: string; file?: string; line?: number; column?: number }>;
}

type Tree = 'generated' | 'shared';

/**
 * Every file case, and the file of every bundle case, through `validate` with and without `--kind`,
 * in batches of one kind and one expected exit code (a few runs of the CLI, not one per file).
 */
export function checkFileCases(root: string, tree: Tree): void {
  const ofBundles = BUNDLE_CASES.filter((one) => one.validated).map(
    (one): FileCase => ({
      path: join(one.bundle, one.file),
      kind: one.kind as FileCase['kind'],
      findings: one.findings,
      ...(one.place ? { line: { generated: one.place.line, shared: one.place.line } } : {}),
    }),
  );
  const cases = [...FILE_CASES, ...ofBundles].filter((one) => tree === 'generated' || !one.generatedOnly);
  expect(cases.length).toBeGreaterThan(0);
  for (const kind of ['cda', 'xdm'] as const) {
    for (const failing of [false, true]) {
      const batch = cases.filter((one) => one.kind === kind && one.findings.some(([, severity]) => severity === ERROR) === failing);
      if (batch.length === 0) continue;
      const paths = batch.map((one) => join(root, one.path));
      for (const args of [[], ['--kind', kind]]) {
        const run = runCli(['validate', '--format', 'json', ...args, ...paths]);
        // The exit code is the batch's; each file's own follows from its error findings (exit 1 on any).
        expect(run.status, `${args.join(' ')} ${batch.map((one) => one.path).join(' ')}`).toBe(failing ? 1 : 0);
        const report = JSON.parse(run.stdout) as ValidateJson;
        batch.forEach((one, index) => {
          const file = report.files[index]!;
          const label = `${tree} ${one.path} ${args.join(' ')}`;
          expect(file.path, label).toBe(paths[index]);
          expect(file.kind, label).toBe(one.kind);
          expect(file.findings.map((finding) => [finding.rule, finding.severity]), label).toEqual(one.findings);
          if (one.line) expect(file.findings[0]!.location, label).toBe(`ligne ${one.line[tree]}`);
        });
      }
    }
  }
}

/**
 * One bundle case through `check` (JSON, SARIF and GitHub reports of one run): its file has the kind
 * and the findings `validate` gives it (checkFileCases), info notes included.
 */
export function checkBundleCase(root: string, tree: Tree, one: BundleCase): void {
  const bundle = join(root, one.bundle);
  const out = mkdtempSync(join(tmpdir(), 'segur-field-case-'));
  try {
    const run = runCli(['check', bundle, '--format', `json:${join(out, 'r.json')}`, '--format', `sarif:${join(out, 'r.sarif')}`, '--format', `github:${join(out, 'r.txt')}`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(one.exit);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as CheckJson;
    const proofs = report.requirements.flatMap((requirement) => requirement.proofs);
    // A file is listed once per proof, whatever the Unicode form of its name on disk (NFD on macOS).
    for (const proof of proofs) {
      const names = proof.files.map((file) => file.path.normalize('NFC'));
      expect(new Set(names).size, names.join(', ')).toBe(names.length);
    }
    const listed = proofs.flatMap((proof) => proof.files).filter((file) => file.path === one.file);
    expect(listed.length, `${one.file} in the report`).toBeGreaterThan(0);
    for (const file of listed) expect(file.kind).toBe(one.kind);
    // Every error or warning of the run is about the case's file (the rest of sample-ok is clean).
    const raised = report.findings.filter((finding) => finding.severity !== 'info');
    expect(raised.map((finding) => [finding.rule, finding.severity, finding.file])).toEqual(one.findings.map(([rule, severity]) => [rule, severity, one.file]));
    const ofFile = report.findings.filter((finding) => finding.file === one.file);
    expect(ofFile.map((finding) => [finding.rule, finding.severity])).toEqual(one.findings);
    if (one.place) {
      expect(ofFile[0]).toMatchObject({ line: one.place.line, column: one.place.column[tree] });
      expectColumnsAtLeastOne(readFileSync(join(out, 'r.sarif'), 'utf8'), readFileSync(join(out, 'r.txt'), 'utf8'), one, tree);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** SARIF regions and GitHub annotations: the line of the case, every column ≥ 1 or absent (GitHub rejects 0). */
function expectColumnsAtLeastOne(sarifText: string, github: string, one: BundleCase, tree: Tree): void {
  const sarif = JSON.parse(sarifText) as { runs: Array<{ results: Array<{ ruleId: string; locations?: Array<{ physicalLocation?: { region?: { startLine?: number; startColumn?: number } } }> }> }> };
  const results = sarif.runs.flatMap((run) => run.results);
  const regions = results.flatMap((result) => (result.locations ?? []).map((location) => location.physicalLocation?.region ?? {}));
  expect(regions.length).toBeGreaterThan(0);
  for (const region of regions) if (region.startColumn !== undefined) expect(region.startColumn).toBeGreaterThanOrEqual(1);
  const located = results.find((result) => result.ruleId === one.findings[0]![0]);
  expect(located?.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: one.place!.line, startColumn: one.place!.column[tree] });
  const annotations = github.split('\n').filter((line) => line.startsWith('::'));
  expect(annotations.length).toBeGreaterThan(0);
  for (const annotation of annotations) {
    const column = /[,\s]col=(-?\d+)/.exec(annotation)?.[1];
    if (column !== undefined) expect(Number(column), annotation).toBeGreaterThanOrEqual(1);
  }
  expect(annotations.find((annotation) => annotation.includes(one.findings[0]![0]))).toContain(`line=${one.place!.line},col=${one.place!.column[tree]},`);
}

/**
 * The workbook of field case xlsx-part-name-case (`xl/SharedStrings.xml` named by a relationship to
 * `sharedStrings.xml`) through `catalog import`: exit 0 and its 7 requirements (OPC part names
 * compare without case).
 */
export function checkPartNameCaseWorkbook(workbook: string): void {
  const out = mkdtempSync(join(tmpdir(), 'segur-field-case-'));
  try {
    const catalog = join(out, 'REM-case-a.yaml');
    const run = runCli(['catalog', 'import', workbook, '-o', catalog]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(catalog, 'utf8').match(/^  - id: /gm)?.length).toBe(7);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
