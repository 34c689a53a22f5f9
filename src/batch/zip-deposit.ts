// A deposit received as a `.zip`: opened through the safe open (regular file, no link, size cap) and
// the one reader for untrusted zips (io/zip-directory.ts) with the XDM limits — entry count, declared
// sizes, duplicate names, CRC-32 and local names checked — then written, entry by entry, into the
// private folder the caller created (mkdtemp, 0700). Entries are always written as plain files (a
// link stored in the archive is never created), only under that folder. The bundle is the archive's
// root, or its one top folder, whichever holds the segur.yaml (zip-bundles.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { XDM_LIMITS, XDM_MAX_FILE_BYTES } from '../artefacts/xdm/open-archive.js';
import { isWithin } from '../bundle/paths.js';
import { MANIFEST_FILE } from '../bundle/manifest-schema.js';
import { bundleRootIn, depositedNames } from './zip-bundles.js';
import { openChecked } from '../io/safe-open.js';
import { ByteBudget, openZipDirectory, proportionalBudget, readZipEntry, type ZipProblem, type EntryReadProblem, type OverBudget } from '../io/zip-directory.js';
import type { MessageArgs } from '../messages/index.js';

export type DepositOutcome = { ok: true; bundleDir: string } | { ok: false; code: string; args: MessageArgs };

const MB = 1024 * 1024;

/** Extracts `file` into `into` (an empty folder owned by the run). Never throws on content. */
export async function extractDeposit(file: string, into: string): Promise<DepositOutcome> {
  const opened = await openChecked(file, { followSymlinks: false, maxBytes: XDM_MAX_FILE_BYTES });
  if (!opened.ok) {
    const { problem } = opened;
    if (problem.kind === 'too-large') return fail('batch/zip-file-too-large', { sizeMb: Math.ceil(problem.size / MB), maxMb: XDM_MAX_FILE_BYTES / MB });
    return fail('batch/zip-unreadable', { detail: problem.kind === 'unreadable' ? problem.reason : problem.kind });
  }
  try {
    const directory = await openZipDirectory(opened.handle.fd, XDM_LIMITS);
    if (!directory.ok) return zipFailure(directory.problem);
    const names = depositedNames(directory.entries.keys());
    try {
      const root = resolve(into);
      // What is written to disk is bounded by the deposit's own size, as for an XDM archive: a small zip
      // of zeros declaring 256 MB is refused before its entries fill the disk.
      const budget = new ByteBudget(proportionalBudget(opened.size, { ratio: XDM_LIMITS.inflationRatio, minBytes: XDM_LIMITS.minInflationBytes, maxBytes: XDM_LIMITS.maxInflationBytes }));
      for (const ref of directory.entries.values()) {
        if (ref.name.split('/')[0] === '__MACOSX') continue; // Finder's resource forks, not deposited files
        const target = resolve(root, ref.name);
        if (!isWithin(root, target) || target === root || ref.name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
          return fail('batch/zip-unsafe-name', { entry: ref.name });
        }
        const read = await readZipEntry(directory.zip, ref, { budget });
        if (!read.ok) return entryFailure(ref.name, read.problem);
        await makeParents(root, ref.name);
        await writeFile(target, read.bytes, { flag: 'wx', mode: 0o600 });
      }
    } finally {
      directory.close();
    }
    const bundle = bundleRootIn(names);
    return bundle === undefined ? fail('batch/zip-no-manifest', { manifest: MANIFEST_FILE }) : { ok: true, bundleDir: bundle === '' ? into : join(into, bundle) };
  } catch (error) {
    return fail('batch/zip-unreadable', { detail: (error as Error).message });
  } finally {
    await opened.handle.close();
  }
}

/**
 * Creates the folders of `name` under `root` one level at a time, never `root` itself: once an
 * interruption has removed the extraction folder (io/cleanup.ts), nothing can bring it back.
 */
async function makeParents(root: string, name: string): Promise<void> {
  const parts = name.split('/').slice(0, -1);
  for (let depth = 1; depth <= parts.length; depth += 1) {
    await mkdir(join(root, ...parts.slice(0, depth)), { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

function zipFailure(problem: ZipProblem): DepositOutcome {
  switch (problem.kind) {
    case 'unreadable':
      return fail('batch/zip-unreadable', { detail: problem.detail });
    case 'unsafe-name':
      return fail('batch/zip-unsafe-name', { entry: problem.entry });
    case 'too-many-entries':
      return fail('batch/zip-too-many-entries', { count: problem.count, max: XDM_LIMITS.maxEntries });
    case 'entry-too-large':
      return fail('batch/zip-entry-too-large', { entry: problem.entry, sizeMb: Math.ceil(problem.size / MB), maxMb: XDM_LIMITS.maxEntryBytes / MB });
    case 'too-large':
      return fail('batch/zip-too-large', { maxMb: XDM_LIMITS.maxTotalBytes / MB });
    case 'duplicate-entry':
      return fail('batch/zip-duplicate-entry', { entry: problem.entry });
    case 'undecodable-name':
      return fail('batch/zip-name-encoding', { entry: problem.entry, byte: problem.byte, offset: problem.offset });
  }
}

function entryFailure(entry: string, problem: EntryReadProblem | OverBudget['problem']): DepositOutcome {
  switch (problem.kind) {
    case 'encrypted':
      return fail('batch/zip-entry-encrypted', { entry });
    case 'crc-mismatch':
      return fail('batch/zip-entry-crc', { entry, expected: hex(problem.expected), actual: hex(problem.actual) });
    case 'name-mismatch':
      return fail('batch/zip-entry-name-mismatch', { entry, localName: problem.localName });
    case 'unreadable':
      return fail('batch/zip-entry-unreadable', { entry, detail: problem.detail });
    case 'over-budget':
      return fail('batch/zip-inflation-budget', { entry, sizeMb: Math.ceil(problem.size / MB) });
  }
}

function hex(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}

function fail(code: string, args: MessageArgs): DepositOutcome {
  return { ok: false, code, args };
}
