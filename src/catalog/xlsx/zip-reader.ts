// Reads the few entries of an xlsx zip that the importer needs, after the central directory passed
// its limits (io/zip-directory.ts); a workbook that fails them is an input the run cannot use (exit 2).
// OPC part names compare without regard to case (ECMA-376 Part 2, §6.2.2.3): `find` folds case, so
// `xl/SharedStrings.xml` answers a relationship to `sharedStrings.xml`; two entries equal once
// folded were refused when listing.
import { openZipDirectory, readZipEntry, type OpenedZip, type ZipLimits } from '../../io/zip-directory.js';
import { zipDirectoryError, zipEntryError } from './zip-errors.js';

export type { ZipLimits };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipArchive {
  has(name: string): boolean;
  /** The whole entry as a buffer; `undefined` when the archive has no such entry. */
  read(name: string): Promise<Buffer | undefined>;
  close(): void;
}

/** `bytes`: the whole workbook, read once through the safe open. Throws SegurError (catalog/zip-*). */
export async function openZipArchive(bytes: Buffer, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const directory = await openZipDirectory(bytes, limits);
  if (!directory.ok) throw zipDirectoryError(directory.problem, file, limits);
  return archiveOver(directory, file);
}

function archiveOver(opened: OpenedZip, file: string): ZipArchive {
  return {
    has: (name) => opened.find(name) !== undefined,
    async read(name) {
      const ref = opened.find(name);
      if (!ref) return undefined;
      const read = await readZipEntry(opened.zip, ref);
      if (read.ok) return read.bytes;
      throw zipEntryError(read.problem, file, ref.name);
    },
    close: () => opened.close(),
  };
}
