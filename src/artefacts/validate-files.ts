// Core of `segur validate FILE…`: each file's kind (given, or detected from its content by the one
// kind detector, bundle/sniff.ts, as `segur check` does), then the validators (worker pool for many
// files). A file that cannot be opened as a regular file stops the run (exit 2).
import { inputError, openChecked } from '../io/safe-open.js';
import { SNIFF_BYTES, sniff } from '../bundle/sniff.js';
import { handleSource } from '../bundle/read-evidence.js';
import { compareFindings } from '../engine/finding.js';
import { hasValidator, validateArtefacts } from './index.js';
import { CDA_CARRIERS, type ArtefactFinding, type ArtefactInput, type ArtefactKind } from './types.js';
import { appendAll } from '../util/append.js';
import { mapConcurrently } from '../bundle/concurrency.js';

export const VALIDATE_KINDS = ['cda', 'ins', 'xdm', 'eml', 'evs-report'] as const;
export type ValidateKind = (typeof VALIDATE_KINDS)[number];

/** Files handed to `validate` are read whole by their validator; videos are not among them. */
const MAX_VALIDATE_BYTES = 2 * 1024 * 1024 * 1024;

export interface ValidatedFile {
  path: string;
  kind: ArtefactKind;
  findings: ArtefactFinding[];
}

export interface ValidateFilesOptions {
  /** CI-SIS content rules for CDA documents (`--cisis`, `--volet`, `--xsd`). */
  cisis?: ArtefactInput['cisis'];
}

export async function validateFiles(paths: readonly string[], kind?: ValidateKind, options: ValidateFilesOptions = {}): Promise<ValidatedFile[]> {
  const detections = await detectKinds(paths, kind);
  const files: ValidatedFile[] = paths.map((path, index) => {
    const detected = detections[index]!;
    const findings: ArtefactFinding[] = [];
    if (!hasValidator(detected.kind)) {
      findings.push(
        (VALIDATE_KINDS as readonly string[]).includes(detected.kind)
          ? { rule: 'artefacts/kind-not-supported', severity: 'info', args: { kind: detected.kind } }
          : { rule: 'artefacts/unknown-kind', severity: 'warning', args: { format: detected.format } },
      );
    }
    return { path, kind: detected.kind, findings };
  });
  const inputs: ArtefactInput[] = files.map((file, index) => ({
    absolutePath: file.path,
    displayPath: file.path,
    kind: file.kind,
    size: detections[index]!.size,
    ...(options.cisis && CDA_CARRIERS.has(file.kind) ? { cisis: options.cisis } : {}),
  }));
  const results = await validateArtefacts(inputs);
  results.forEach((result, index) => {
    const file = files[index]!;
    appendAll(file.findings, result.findings);
    file.findings.sort(compareFindings);
  });
  return files;
}

/** Kind detections in flight at once: each waits on the disk a little (open, read, close); one at a time, thousands of small files leave the workers idle. */
const DETECT_CONCURRENCY = 8;

/** Every file's kind, in `paths` order; the first unusable file in that order stops the run, whichever fails first in time. */
async function detectKinds(paths: readonly string[], given: ValidateKind | undefined): Promise<{ kind: ArtefactKind; format: string; size: number }[]> {
  const outcomes = await mapConcurrently(paths, DETECT_CONCURRENCY, (path) =>
    detectKind(path, given).then(
      (detection) => ({ ok: true as const, detection }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.detection;
  });
}

/**
 * Opens the file through the safe open (a FIFO or device is refused, not waited on) and detects its
 * kind unless `--kind` gave it.
 */
async function detectKind(path: string, given: ValidateKind | undefined): Promise<{ kind: ArtefactKind; format: string; size: number }> {
  const opened = await openChecked(path, { followSymlinks: true, maxBytes: MAX_VALIDATE_BYTES });
  if (!opened.ok) throw inputError(path, opened.problem);
  const { handle } = opened;
  try {
    if (given) return { kind: given, format: given, size: opened.size };
    const head = Buffer.alloc(Math.min(opened.size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sniffed = await sniff(handleSource(handle, opened.size, head.subarray(0, bytesRead)));
    return { kind: sniffed.kind, format: sniffed.format, size: opened.size };
  } finally {
    await handle.close();
  }
}
