// Opens an untrusted zip (xlsx workbook, IHE_XDM archive) and reads its central directory only:
// entry count, each entry's declared size and the declared total are bounded BEFORE a byte is
// inflated, so a zip bomb costs milliseconds and no memory. yauzl refuses `..` and absolute entry
// names while listing, and later a stream longer than its declared size. Callers turn a problem
// into their own outcome (an exit-2 error for a REM, a finding for evidence).
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  /** Bound on the sum of declared uncompressed sizes, in bytes. */
  maxTotalBytes: number;
  /** Bound on one entry's declared uncompressed size, in bytes (none when absent). */
  maxEntryBytes?: number;
}

export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'unsafe-name'; entry: string; detail: string }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'entry-too-large'; entry: string; size: number }
  | { kind: 'too-large' };

export type ZipDirectory =
  | { ok: true; zip: ZipFile; /** By entry name, folders excluded. */ entries: Map<string, Entry> }
  | { ok: false; problem: ZipProblem };

export async function openZipDirectory(path: string, limits: ZipLimits, options: { strictFileNames?: boolean } = {}): Promise<ZipDirectory> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: options.strictFileNames ?? false });
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message } };
  }
  const listed =
    zip.entryCount > limits.maxEntries
      ? { problem: { kind: 'too-many-entries', count: zip.entryCount } as const }
      : await listEntries(zip, limits);
  if ('problem' in listed) {
    zip.close();
    return { ok: false, problem: listed.problem };
  }
  return { ok: true, zip, entries: listed.entries };
}

function listEntries(zip: ZipFile, limits: ZipLimits): Promise<{ entries: Map<string, Entry> } | { problem: ZipProblem }> {
  return new Promise((resolve) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    const stop = (problem: ZipProblem): void => {
      zip.removeAllListeners('entry');
      resolve({ problem });
    };
    zip.on('entry', (entry: Entry) => {
      if (limits.maxEntryBytes !== undefined && entry.uncompressedSize > limits.maxEntryBytes) {
        return stop({ kind: 'entry-too-large', entry: entry.fileName, size: entry.uncompressedSize });
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return stop({ kind: 'too-large' });
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve({ entries }));
    zip.once('error', (error: Error) => stop(listingProblem(error)));
    zip.readEntry();
  });
}

/** yauzl names the offending entry in its message: an unsafe name is a problem of its own. */
function listingProblem(error: Error): ZipProblem {
  const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(error.message);
  if (unsafe) return { kind: 'unsafe-name', entry: unsafe[1]!, detail: error.message };
  return { kind: 'unreadable', detail: error.message };
}
