import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { SegurError, describeIoError } from '../errors.js';

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new SegurError('io/input-unreadable', { file, reason: describeIoError(error) }, { cause: error });
  }
  return hash.digest('hex');
}
