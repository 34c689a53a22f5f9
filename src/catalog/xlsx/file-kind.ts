// What a file named `.xlsx` really is, from its first bytes: users hand us CSV exports renamed to
// .xlsx, legacy .xls workbooks and encrypted workbooks (both OLE containers, not zips).
import { SegurError } from '../../errors.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Throws a SegurError (catalog/ole-container, catalog/empty-file, catalog/not-a-zip) unless `bytes` start like a zip archive. */
export function assertZipBytes(bytes: Uint8Array, file: string): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8));
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return;
  if (head.equals(OLE_MAGIC)) throw new SegurError('catalog/ole-container', { file });
  if (head.length === 0) throw new SegurError('catalog/empty-file', { file });
  throw new SegurError('catalog/not-a-zip', { file });
}
