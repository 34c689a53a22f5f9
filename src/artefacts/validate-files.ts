// Core of `segur validate FILE…`: each file's kind (given, or sniffed from its content), then the
// validators (worker pool for many files). A file that cannot be read at all stops the run (exit 2).
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { describeIoError, SegurError } from '../errors.js';
import { sniff, SNIFF_BYTES } from '../bundle/sniff.js';
import { compareFindings } from '../engine/finding.js';
import { hasValidator, validateArtefacts } from './index.js';
import type { ArtefactFinding, ArtefactInput, ArtefactKind } from './types.js';

export const VALIDATE_KINDS = ['cda', 'ins', 'xdm', 'eml', 'evs-report'] as const;
export type ValidateKind = (typeof VALIDATE_KINDS)[number];

export interface ValidatedFile {
  path: string;
  kind: ArtefactKind;
  findings: ArtefactFinding[];
}

export async function validateFiles(paths: readonly string[], kind?: ValidateKind): Promise<ValidatedFile[]> {
  for (const path of paths) assertRegularFile(path);
  const files: ValidatedFile[] = paths.map((path) => {
    const detected = kind ? { kind, format: kind } : detectKind(path);
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
  const inputs: ArtefactInput[] = files.map((file) => ({ absolutePath: file.path, displayPath: file.path, kind: file.kind }));
  const results = await validateArtefacts(inputs);
  results.forEach((result, index) => {
    const file = files[index]!;
    file.findings.push(...result.findings);
    file.findings.sort(compareFindings);
  });
  return files;
}

/** Checked before any open: opening a FIFO would block, a directory cannot be validated. */
function assertRegularFile(path: string): void {
  let regular: boolean;
  try {
    regular = statSync(path).isFile();
  } catch (error) {
    throw new SegurError('artefacts/unreadable', { file: path, reason: describeIoError(error) }, { cause: error });
  }
  if (!regular) throw new SegurError('artefacts/not-a-file', { file: path });
}

/** Sniffs the content, as `segur check` does (bundle/sniff.ts). */
function detectKind(path: string): { kind: ArtefactKind; format: string } {
  const { head, tail } = readEnds(path);
  const sniffed = sniff(head, tail);
  return { kind: sniffed.kind, format: sniffed.format };
}

function readEnds(path: string): { head: Buffer; tail: Buffer } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const tailLength = Math.min(Math.max(size - head.length, 0), SNIFF_BYTES);
    const tail = Buffer.alloc(tailLength);
    if (tailLength > 0) readSync(fd, tail, 0, tailLength, size - tailLength);
    return { head, tail };
  } catch (error) {
    throw new SegurError('artefacts/unreadable', { file: path, reason: describeIoError(error) }, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
