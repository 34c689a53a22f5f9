// Opens an IHE_XDM.ZIP from untrusted hands. Everything is decided on the central directory BEFORE
// a byte is inflated: entry count, each entry's declared size, the declared total, and entry names
// (yauzl refuses `..`, absolute and backslash names while listing). A breach is one finding and the
// archive is not read further. While extracting, yauzl also refuses a stream longer than declared.
// (catalog/xlsx/zip-reader.ts throws SegurErrors for catalog files; an evidence archive gets findings.)
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ArtefactFinding } from '../types.js';

export const XDM_LIMITS = {
  /** A message holds a few documents; thousands of entries are a trap, not a message. */
  maxEntries: 1_000,
  /** The XML reader refuses larger files anyway (xml/read-xml.ts). */
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};
export type XdmLimits = typeof XDM_LIMITS;

export interface XdmArchive {
  zip: ZipFile;
  /** By entry name, directories excluded. */
  entries: Map<string, Entry>;
}

export type OpenOutcome = { status: 'ok'; archive: XdmArchive } | { status: 'refused'; finding: ArtefactFinding };

const MB = 1024 * 1024;

export async function openXdmArchive(path: string, limits: XdmLimits = XDM_LIMITS): Promise<OpenOutcome> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    return refused('xdm/not-a-zip', { detail: (error as Error).message });
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return refused('xdm/too-many-entries', { count: zip.entryCount, max: limits.maxEntries });
  }
  const listed = await listEntries(zip, limits);
  if ('finding' in listed) {
    zip.close();
    return { status: 'refused', finding: listed.finding };
  }
  return { status: 'ok', archive: { zip, entries: listed.entries } };
}

function listEntries(zip: ZipFile, limits: XdmLimits): Promise<{ entries: Map<string, Entry> } | { finding: ArtefactFinding }> {
  return new Promise((resolve) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    const stop = (finding: ArtefactFinding): void => {
      zip.removeAllListeners('entry');
      resolve({ finding });
    };
    zip.on('entry', (entry: Entry) => {
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        return stop(finding('xdm/entry-too-large', { entry: entry.fileName, sizeMb: toMb(entry.uncompressedSize), maxMb: toMb(limits.maxEntryBytes) }, entry.fileName));
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return stop(finding('xdm/too-large', { maxMb: toMb(limits.maxTotalBytes) }));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve({ entries }));
    zip.once('error', (error: Error) => stop(listingError(error)));
    zip.readEntry();
  });
}

/** yauzl names the offending entry in its message: an unsafe name gets its own code. */
function listingError(error: Error): ArtefactFinding {
  const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(error.message);
  if (unsafe) return finding('xdm/unsafe-entry-name', { entry: unsafe[1]! }, unsafe[1]!);
  return finding('xdm/not-a-zip', { detail: error.message });
}

function refused(rule: string, args: ArtefactFinding['args']): OpenOutcome {
  return { status: 'refused', finding: finding(rule, args) };
}

function finding(rule: string, args: ArtefactFinding['args'], location?: string): ArtefactFinding {
  return { rule, severity: 'error', args, ...(location !== undefined ? { location } : {}) };
}

function toMb(bytes: number): number {
  return Math.ceil(bytes / MB);
}
