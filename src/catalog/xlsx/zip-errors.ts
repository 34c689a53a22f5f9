// The zip problems of io/zip-directory.ts as exit-2 errors of the importer, each with its own code
// and French message: a workbook the run cannot use names what is wrong with it, never an English
// library message.
import { SegurError } from '../../errors.js';
import type { EntryReadProblem, ZipLimits, ZipProblem } from '../../io/zip-directory.js';

/** A problem of the central directory (io/zip-directory.ts `openZipDirectory`). */
export function zipDirectoryError(problem: ZipProblem, file: string, limits: ZipLimits): SegurError {
  switch (problem.kind) {
    case 'too-many-entries':
      return new SegurError('catalog/zip-too-many-entries', { file, count: problem.count, max: limits.maxEntries });
    case 'too-large':
    case 'entry-too-large':
      return new SegurError('catalog/zip-too-large', { file, maxMb: Math.round(limits.maxTotalBytes / (1024 * 1024)) });
    case 'unsafe-name':
      return new SegurError('catalog/zip-unsafe-name', { file, entry: problem.entry });
    case 'duplicate-entry':
      return new SegurError('catalog/zip-duplicate-entry', { file, entry: problem.entry });
    case 'undecodable-name':
      return new SegurError('catalog/zip-name-encoding', { file, entry: problem.entry, byte: problem.byte, offset: problem.offset });
    case 'unreadable':
      return unreadableError(problem.detail, file, undefined);
  }
}

/** A problem met reading one entry (io/zip-directory.ts `readZipEntry`). */
export function zipEntryError(problem: EntryReadProblem, file: string, entry: string): SegurError {
  switch (problem.kind) {
    case 'encrypted':
      return new SegurError('catalog/encrypted', { file });
    case 'crc-mismatch':
      return new SegurError('catalog/zip-crc-mismatch', { file, entry });
    case 'name-mismatch':
      return new SegurError('catalog/zip-name-mismatch', { file, entry, localName: problem.localName });
    case 'unreadable':
      return unreadableError(problem.detail, file, entry);
  }
}

/**
 * yauzl and zlib say what went wrong in English: the known kinds get their own code. The fallback
 * (catalog/zip-unreadable) keeps the library's words as a technical detail.
 */
function unreadableError(detail: string, file: string, entry: string | undefined): SegurError {
  if (/end of central directory record signature not found|unexpected EOF|overflows file bounds|unexpected end of file|not enough bytes/i.test(detail)) {
    return new SegurError('catalog/zip-truncated', { file });
  }
  if (/unsupported compression method|multi-disk|strong encryption|zip64/i.test(detail)) return new SegurError('catalog/zip-unsupported', { file });
  if (entry !== undefined) return new SegurError('catalog/zip-entry-corrupt', { file, entry });
  if (/signature|comment length|size mismatch|extra field/i.test(detail)) return new SegurError('catalog/zip-corrupt', { file });
  return new SegurError('catalog/zip-unreadable', { file, reason: detail });
}
