// exceljs (through JSZip) stamps every zip entry with the current time, so two runs differ by a few
// bytes even when every sheet is identical. Rewriting the DOS date/time fields of each entry to the
// zip epoch (1980-01-01 00:00) makes the workbook byte-identical across runs.
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_EPOCH_TIME = 0;

export function normaliseZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index += 1) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) throw new Error('zip: central directory header expected');
    view.setUint16(offset + 12, DOS_EPOCH_TIME, true);
    view.setUint16(offset + 14, DOS_EPOCH_DATE, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip: local file header expected');
    view.setUint16(local + 10, DOS_EPOCH_TIME, true);
    view.setUint16(local + 12, DOS_EPOCH_DATE, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = view.byteLength - 22; offset >= Math.max(0, view.byteLength - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('zip: end of central directory not found');
}
