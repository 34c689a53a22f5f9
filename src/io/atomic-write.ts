// Outputs are written to a temporary file beside the target, then renamed: an interrupted run
// never leaves a half-written report.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SegurError, describeIoError } from '../errors.js';
import { registerCleanup, unregisterCleanup } from './cleanup.js';

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  registerCleanup(temporary); // Ctrl-C between write and rename leaves no `.tmp` file (io/cleanup.ts)
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new SegurError('io/output-not-writable', { file: target, reason: describeIoError(error) }, { cause: error });
  } finally {
    unregisterCleanup(temporary);
  }
}
