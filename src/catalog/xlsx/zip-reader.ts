// Reads the few entries of an xlsx zip that the importer needs, after the central directory passed
// its limits (io/zip-directory.ts); a workbook that fails them is an input the run cannot use (exit 2).
// OPC part names compare without regard to case (ECMA-376 Part 2, §6.2.2.3): `find` folds case, so
// `xl/SharedStrings.xml` answers a relationship to `sharedStrings.xml`; two entries equal once
// folded were refused when listing.
import { SegurError } from '../../errors.js';
import { openZipDirectory, readZipEntry, type OpenedZip, type ZipLimits } from '../../io/zip-directory.js';
import { zipDirectoryError, zipEntryError } from './zip-errors.js';

export type { ZipLimits };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipArchive {
  has(name: string): boolean;
  /**
   * The whole entry as a buffer; `undefined` when the archive has no such entry. Throws
   * catalog/xml-too-large, before inflating, when the entries read so far would declare more than
   * the budget's `maxXmlBytes`.
   */
  read(name: string): Promise<Buffer | undefined>;
  close(): void;
}

/** The running count of bytes read, and its cap. */
export interface ReadBudget {
  readonly limits: { readonly maxXmlBytes: number };
  xmlBytesUsed: number;
}

/** `bytes`: the whole workbook, read once through the safe open. Throws SegurError (catalog/zip-*). */
export async function openZipArchive(bytes: Buffer, file: string, limits: ZipLimits, budget: ReadBudget): Promise<ZipArchive> {
  const directory = await openZipDirectory(bytes, limits);
  if (!directory.ok) throw zipDirectoryError(directory.problem, file, limits);
  return archiveOver(directory, file, budget);
}

function archiveOver(opened: OpenedZip, file: string, budget: ReadBudget): ZipArchive {
  return {
    has: (name) => opened.find(name) !== undefined,
    async read(name) {
      const ref = opened.find(name);
      if (!ref) return undefined;
      // Declared sizes are binding: yauzl stops a stream that runs past its declared size.
      budget.xmlBytesUsed += ref.entry.uncompressedSize;
      const { maxXmlBytes } = budget.limits;
      if (budget.xmlBytesUsed > maxXmlBytes) throw new SegurError('catalog/xml-too-large', { file, part: ref.name, maxMb: Math.round(maxXmlBytes / (1024 * 1024)) });
      const read = await readZipEntry(opened.zip, ref);
      if (read.ok) return read.bytes;
      throw zipEntryError(read.problem, file, ref.name);
    },
    close: () => opened.close(),
  };
}
