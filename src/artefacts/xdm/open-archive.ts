// Opens an IHE_XDM.ZIP from untrusted hands: the central directory must pass the limits below
// (io/zip-directory.ts) before a byte is inflated. A breach is one finding and the archive is not
// read further. Entries are then read one at a time (entry-reader.ts), CRC-32 and local names checked.
import { openZipDirectory, type OpenedZip, type ZipLimits, type ZipProblem } from '../../io/zip-directory.js';
import type { ArtefactFinding } from '../types.js';
import { zipReason } from '../../io/zip-reason.js';

export const XDM_LIMITS = {
  /** A message holds a few documents; thousands of entries are a trap, not a message. */
  maxEntries: 1_000,
  /** The XML reader refuses larger documents anyway (xml/read-xml.ts). */
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  /** Document entries checked per METADATA.XML (each one may name a large CDA). */
  maxDocumentEntries: 100,
  /**
   * Document entries checked across all the subsets of one archive: a message carries a handful, and
   * a thousand METADATA.XML of 100 entries each would otherwise cost 100,000 checks and their findings.
   */
  maxDocumentEntriesTotal: 200,
  /**
   * Bytes inflated from one archive, whatever its entries declare: `inflationRatio` times the
   * archive's length, at least `minInflationBytes` (a small archive holding a large CDA) and at most
   * `maxInflationBytes`. Real CDAs deflate 5 to 20 times (the 94 ANS examples: 19 at most), PDFs and
   * images hardly at all; a zip bomb a thousand times.
   */
  inflationRatio: 32,
  minInflationBytes: 32 * 1024 * 1024,
  maxInflationBytes: 256 * 1024 * 1024,
} satisfies ZipLimits & Record<string, number>;
export type XdmLimits = typeof XDM_LIMITS;

/** The archive file itself: larger is not a message attachment. */
export const XDM_MAX_FILE_BYTES = 256 * 1024 * 1024;

export type OpenOutcome = { status: 'ok'; archive: OpenedZip } | { status: 'refused'; finding: ArtefactFinding };

const MB = 1024 * 1024;

export async function openXdmArchive(bytes: Buffer, limits: XdmLimits = XDM_LIMITS): Promise<OpenOutcome> {
  const directory = await openZipDirectory(bytes, limits);
  if (!directory.ok) return { status: 'refused', finding: refusal(directory.problem, limits) };
  return { status: 'ok', archive: directory };
}

function refusal(problem: ZipProblem, limits: XdmLimits): ArtefactFinding {
  switch (problem.kind) {
    case 'unreadable':
      return finding('xdm/not-a-zip', zipDetailArgs(problem.detail));
    case 'unsafe-name':
      return finding('xdm/unsafe-entry-name', { entry: problem.entry }, problem.entry);
    case 'too-many-entries':
      return finding('xdm/too-many-entries', { count: problem.count, max: limits.maxEntries });
    case 'entry-too-large':
      return finding('xdm/entry-too-large', { entry: problem.entry, sizeMb: toMb(problem.size), maxMb: toMb(limits.maxEntryBytes) }, problem.entry);
    case 'too-large':
      return finding('xdm/too-large', { maxMb: toMb(limits.maxTotalBytes) });
    case 'duplicate-entry':
      return finding('xdm/duplicate-entry', { entry: problem.entry }, problem.entry);
    case 'undecodable-name':
      return finding('xdm/entry-name-encoding', { entry: problem.entry, byte: problem.byte, offset: problem.offset }, problem.entry);
  }
}

function finding(rule: string, args: ArtefactFinding['args'], location?: string): ArtefactFinding {
  return { rule, severity: 'error', args, ...(location !== undefined ? { location } : {}) };
}

function toMb(bytes: number): number {
  return Math.ceil(bytes / MB);
}

/** `{detail}` in our wording when the zip library's text is a known one (io/zip-reason.ts). */
export function zipDetailArgs(text: string): ArtefactFinding['args'] {
  const { reason, code } = zipReason(text);
  return code ? { detail: reason, detailCode: code } : { detail: reason };
}
