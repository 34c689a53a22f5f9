// Copies one archive entry to a private temporary file (so the safe XML reader and the CDA validator
// read it as any other file), computing its SHA-1 and length on the way: memory stays flat whatever
// the entry's size, which the central directory already bounded (open-archive.ts).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';

export interface ExtractedEntry {
  path: string;
  /** Lower-case hex, as XDS writes the `hash` slot. */
  sha1: string;
  size: number;
}

export async function extractEntry(zip: ZipFile, entry: Entry, destination: string): Promise<ExtractedEntry> {
  const hash = createHash('sha1');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(stream, measure, createWriteStream(destination, { flags: 'wx', mode: 0o600 }));
  return { path: destination, sha1: hash.digest('hex'), size };
}
