// SARIF 2.1.0 of a check (render/sarif-log.ts): each finding located from the repository root —
// the bundle's path as given on the command line, then the file in the bundle (`preuves/proofs/…`).
// A finding without a file points at the manifest, segur.yaml, since GitHub wants a location.
import type { ReportContext } from '../model.js';
import { fileOnDisk } from '../build.js';
import { repositoryPath } from '../render/repository-path.js';
import { sarifLog } from '../render/sarif-log.js';

const MANIFEST = 'segur.yaml';

export function render(context: ReportContext): string {
  const { report } = context;
  return sarifLog({
    version: report.tool.version,
    lang: context.lang,
    findings: report.findings,
    locate: (finding) => repositoryPath(context.bundleRoot, fileOnDisk(finding) ?? MANIFEST),
    properties: { catalog: report.catalog.id, profiles: report.bundle.profiles, gate: report.verdict },
  });
}
