// Every file of the user's TestContenuCDA tree (schematrons, includes, value sets, documents read
// with document()) is read through the safe open (a FIFO or device is refused, size capped) and
// decoded by the one decoder, honouring its XML declaration: an ISO-8859-1 schematron is read as
// such, an invalid byte is a compile diagnostic, never U+FFFD inside a rule.
import { join } from 'node:path';
import { decodeText } from '../../io/decode.js';
import { readCheckedSync } from '../../io/safe-open.js';

/** The largest schematron or value set of the ANS tree is under 4 MB. */
export const MAX_TREE_FILE_BYTES = 32 * 1024 * 1024;

export type TreeFileRead = { ok: true; text: string } | { ok: false; detail: string; code?: string };

/** `root`: the TestContenuCDA tree; `file`: a path relative to it. */
export function readTreeFile(root: string, file: string): TreeFileRead {
  const read = readCheckedSync(join(root, file), { followSymlinks: true, maxBytes: MAX_TREE_FILE_BYTES });
  if (!read.ok) {
    const { problem } = read;
    const detail = problem.kind === 'not-a-file' ? problem.type : problem.kind === 'unreadable' ? problem.reason : problem.kind;
    return { ok: false, detail, ...(problem.kind === 'not-found' ? { code: 'ENOENT' } : {}) };
  }
  const decoded = decodeText(read.bytes, { xml: true });
  if (decoded.ok) return { ok: true, text: decoded.text };
  const { problem } = decoded;
  return {
    ok: false,
    detail: problem.kind === 'unknown-encoding' ? `encoding="${problem.declared}"` : `${problem.encoding.toUpperCase()}, ligne ${problem.line}, colonne ${problem.column}`,
  };
}
