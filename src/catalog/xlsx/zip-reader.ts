// Reads the few entries of an xlsx zip that the importer needs, after the central directory passed
// its limits (io/zip-directory.ts); a workbook that fails them is an input the run cannot use (exit 2).
import { SegurError } from '../../errors.js';
import { readRunInput } from '../../io/safe-open.js';
import { openZipDirectory, readZipEntry, type OpenedZip, type ZipLimits, type ZipProblem } from '../../io/zip-directory.js';
import { zipReason } from '../../io/zip-reason.js';

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

/** A workbook file larger than this is not a REM (the published ones are well under 1 MB). */
const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

export async function openZipArchive(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const bytes = await readRunInput(file, MAX_WORKBOOK_BYTES);
  const directory = await openZipDirectory(bytes, limits);
  if (!directory.ok) throw catalogZipError(directory.problem, file, limits);
  return archiveOver(directory, file);
}

function catalogZipError(problem: ZipProblem, file: string, limits: ZipLimits): SegurError {
  switch (problem.kind) {
    case 'too-many-entries':
      return new SegurError('catalog/zip-too-many-entries', { file, count: problem.count, max: limits.maxEntries });
    case 'too-large':
    case 'entry-too-large':
      return new SegurError('catalog/zip-too-large', { file, maxMb: Math.round(limits.maxTotalBytes / (1024 * 1024)) });
    case 'unreadable':
      return new SegurError('catalog/zip-unreadable', { file, ...zipReasonArgs(problem.detail) });
    case 'unsafe-name':
      return new SegurError('catalog/zip-unreadable', { file, reason: problem.detail, reasonCode: 'zip/unsafe-name', zipEntry: problem.entry });
    case 'duplicate-entry':
      return new SegurError('catalog/zip-duplicate-entry', { file, entry: problem.entry });
  }
}

function archiveOver(opened: OpenedZip, file: string): ZipArchive {
  // OPC part names compare without regard to case (ECMA-376 Part 2, §6.2.2.3).
  return {
    has: (name) => opened.find(name) !== undefined,
    async read(name) {
      const ref = opened.find(name);
      if (!ref) return undefined;
      const read = await readZipEntry(opened.zip, ref);
      if (read.ok) return read.bytes;
      switch (read.problem.kind) {
        case 'encrypted':
          throw new SegurError('catalog/encrypted', { file });
        case 'crc-mismatch':
          throw new SegurError('catalog/zip-unreadable', { file, reason: `CRC-32 (${ref.name})`, reasonCode: 'zip/crc-mismatch', zipEntry: ref.name });
        case 'name-mismatch':
          throw new SegurError('catalog/zip-unreadable', {
            file,
            reason: `${ref.name} ≠ ${read.problem.localName}`,
            reasonCode: 'zip/name-mismatch',
            zipEntry: ref.name,
            zipLocalName: read.problem.localName,
          });
        case 'unreadable':
          throw new SegurError('catalog/zip-unreadable', { file, ...zipReasonArgs(read.problem.detail) });
      }
    },
    close: () => opened.close(),
  };
}

/** `{reason}` of catalog/zip-unreadable in our wording when the library's text is a known one. */
function zipReasonArgs(detail: string): { reason: string; reasonCode?: string } {
  const { reason, code } = zipReason(detail);
  return code ? { reason, reasonCode: code } : { reason };
}
