// The batch's own inputs, checked before any bundle runs (exit 2): a forced catalog (`--rem`) that
// resolves, with the profiles asked for (`--profile`), and an `--out` folder that is, or can be made,
// a writable folder. Nothing is created here: a refused run leaves no trace.
import { constants } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';

export async function checkForcedCatalog(rem: string | undefined, profiles: readonly string[] | undefined): Promise<void> {
  if (!rem) return;
  const { resolveCatalog } = await import('../catalog/store.js');
  const { catalog } = await resolveCatalog(rem, { baseDir: process.cwd() });
  if (profiles?.length) {
    const { matchProfiles } = await import('../bundle/profiles.js');
    matchProfiles(catalog, profiles);
  }
}

/** `--out` is a folder (or a link to one) we may write in, or the nearest existing parent is. */
export async function checkOutDir(out: string): Promise<void> {
  let current = resolve(out);
  for (;;) {
    const info = await lstat(current).catch(() => undefined);
    if (info) {
      const target = info.isSymbolicLink() ? await stat(current).catch(() => undefined) : info;
      if (!target?.isDirectory()) throw new SegurError('batch/out-not-a-folder', { out, path: current });
      try {
        await access(current, constants.W_OK | constants.X_OK);
      } catch (error) {
        throw new SegurError('io/output-not-writable', { file: out, reason: describeIoError(error) }, { cause: error });
      }
      return;
    }
    const parent = dirname(current);
    if (parent === current) throw new SegurError('io/output-not-writable', { file: out, reason: describeIoError({ code: 'ENOENT' }) });
    current = parent;
  }
}
