// GitHub Actions annotations of a check (render/github-annotations.ts): file paths from the
// repository root, i.e. the bundle folder as given on the command line joined with the file.
import type { ReportContext } from '../model.js';
import { githubAnnotations } from '../render/github-annotations.js';
import { fileOnDisk } from '../build.js';
import { repositoryPath } from '../render/repository-path.js';
import { translator } from '../render/wording.js';

export { escapeData, escapeProperty } from '../render/github-annotations.js';

export function render(context: ReportContext): string {
  return githubAnnotations({
    findings: context.report.findings,
    locate: (finding) => repositoryPath(context.bundleRoot, fileOnDisk(finding)!),
    revealIdentifiers: context.revealIdentifiers === true,
    t: translator(context.lang, context.revealIdentifiers),
  });
}
