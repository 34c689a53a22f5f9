// Reads the few entries of an xlsx zip that the importer needs, after checking the central directory:
// entry count and declared total uncompressed size are bounded BEFORE anything is inflated, so a zip
// bomb costs a few milliseconds and no memory. yauzl also refuses `..` names and streams longer than
// their declared size.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SegurError } from '../../errors.js';

export interface ZipLimits {
  /** Bound on the sum of declared uncompressed sizes, in bytes. */
  maxTotalUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipArchive {
  has(name: string): boolean;
  /** The whole entry as a buffer; `undefined` when the archive has no such entry. */
  read(name: string): Promise<Buffer | undefined>;
  close(): void;
}

export async function openZipArchive(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
  } catch (error) {
    throw new SegurError('catalog/zip-unreadable', { file, reason: (error as Error).message }, { cause: error });
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new SegurError('catalog/zip-too-many-entries', { file, count: zip.entryCount, max: limits.maxEntries });
    }
    const entries = await listEntries(zip, file, limits);
    return archiveOver(zip, entries, file);
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: ZipFile, file: string, limits: ZipLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      if (total > limits.maxTotalUncompressedBytes) {
        reject(
          new SegurError('catalog/zip-too-large', {
            file,
            maxMb: Math.round(limits.maxTotalUncompressedBytes / (1024 * 1024)),
          }),
        );
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) =>
      reject(new SegurError('catalog/zip-unreadable', { file, reason: error.message }, { cause: error })),
    );
    zip.readEntry();
  });
}

function archiveOver(zip: ZipFile, entries: Map<string, Entry>, file: string): ZipArchive {
  return {
    has: (name) => entries.has(name),
    async read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.isEncrypted()) throw new SegurError('catalog/encrypted', { file });
      try {
        const stream = await zip.openReadStreamPromise(entry);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      } catch (error) {
        throw new SegurError('catalog/zip-unreadable', { file, reason: (error as Error).message }, { cause: error });
      }
    },
    close: () => zip.close(),
  };
}
