// Single outputs (catalog import, checklist, batch files) go through the output rules of
// io/output.ts: atomic for files, written through for devices and FIFOs, links checked.
import { writeOutputFile, type PrepareOptions } from './output.js';

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: PrepareOptions = {}): Promise<void> {
  await writeOutputFile(target, data, options);
}
