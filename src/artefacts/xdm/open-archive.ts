// Opens an IHE_XDM.ZIP from untrusted hands: the central directory must pass the limits below
// (io/zip-directory.ts) before a byte is inflated. A breach is one finding and the archive is not
// read further. While extracting, yauzl also refuses a stream longer than declared.
import type { Entry, ZipFile } from 'yauzl';
import { openZipDirectory, type ZipLimits, type ZipProblem } from '../../io/zip-directory.js';
import type { ArtefactFinding } from '../types.js';

export const XDM_LIMITS = {
  /** A message holds a few documents; thousands of entries are a trap, not a message. */
  maxEntries: 1_000,
  /** The XML reader refuses larger files anyway (xml/read-xml.ts). */
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
} satisfies ZipLimits;
export type XdmLimits = typeof XDM_LIMITS;

export interface XdmArchive {
  zip: ZipFile;
  /** By entry name, directories excluded. */
  entries: Map<string, Entry>;
}

export type OpenOutcome = { status: 'ok'; archive: XdmArchive } | { status: 'refused'; finding: ArtefactFinding };

const MB = 1024 * 1024;

export async function openXdmArchive(path: string, limits: XdmLimits = XDM_LIMITS): Promise<OpenOutcome> {
  const directory = await openZipDirectory(path, limits);
  if (!directory.ok) return { status: 'refused', finding: refusal(directory.problem, limits) };
  return { status: 'ok', archive: { zip: directory.zip, entries: directory.entries } };
}

function refusal(problem: ZipProblem, limits: XdmLimits): ArtefactFinding {
  switch (problem.kind) {
    case 'unreadable':
      return finding('xdm/not-a-zip', { detail: problem.detail });
    case 'unsafe-name':
      return finding('xdm/unsafe-entry-name', { entry: problem.entry }, problem.entry);
    case 'too-many-entries':
      return finding('xdm/too-many-entries', { count: problem.count, max: limits.maxEntries });
    case 'entry-too-large':
      return finding('xdm/entry-too-large', { entry: problem.entry, sizeMb: toMb(problem.size), maxMb: toMb(limits.maxEntryBytes) }, problem.entry);
    case 'too-large':
      return finding('xdm/too-large', { maxMb: toMb(limits.maxTotalBytes) });
  }
}

function finding(rule: string, args: ArtefactFinding['args'], location?: string): ArtefactFinding {
  return { rule, severity: 'error', args, ...(location !== undefined ? { location } : {}) };
}

function toMb(bytes: number): number {
  return Math.ceil(bytes / MB);
}
