// What a file named `.xlsx` really is, from its first bytes: users hand us CSV exports renamed to
// .xlsx, legacy .xls workbooks and encrypted workbooks (both OLE containers, not zips).
import { open } from 'node:fs/promises';
import { SegurError, describeIoError } from '../../errors.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Throws a SegurError unless `file` starts like a zip archive. */
export async function assertZipFile(file: string): Promise<void> {
  const head = await readHead(file, 8);
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return;
  if (head.equals(OLE_MAGIC)) throw new SegurError('catalog/ole-container', { file });
  if (head.length === 0) throw new SegurError('catalog/empty-file', { file });
  throw new SegurError('catalog/not-a-zip', { file });
}

async function readHead(file: string, size: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new SegurError('io/input-unreadable', { file, reason: describeIoError(error) }, { cause: error });
  }
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new SegurError('io/input-unreadable', { file, reason: describeIoError(error) }, { cause: error });
  } finally {
    await handle.close();
  }
}
