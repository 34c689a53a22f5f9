// Reads the few entries of an xlsx zip that the importer needs, after the central directory passed
// its limits (io/zip-directory.ts); a workbook that fails them is an input the run cannot use (exit 2).
import type { Entry, ZipFile } from 'yauzl';
import { SegurError } from '../../errors.js';
import { openZipDirectory, type ZipLimits, type ZipProblem } from '../../io/zip-directory.js';

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

export async function openZipArchive(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const directory = await openZipDirectory(file, limits, { strictFileNames: true });
  if (!directory.ok) throw catalogZipError(directory.problem, file, limits);
  return archiveOver(directory.zip, directory.entries, file);
}

function catalogZipError(problem: ZipProblem, file: string, limits: ZipLimits): SegurError {
  switch (problem.kind) {
    case 'too-many-entries':
      return new SegurError('catalog/zip-too-many-entries', { file, count: problem.count, max: limits.maxEntries });
    case 'too-large':
    case 'entry-too-large':
      return new SegurError('catalog/zip-too-large', { file, maxMb: Math.round(limits.maxTotalBytes / (1024 * 1024)) });
    case 'unreadable':
    case 'unsafe-name':
      return new SegurError('catalog/zip-unreadable', { file, reason: problem.detail });
  }
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
