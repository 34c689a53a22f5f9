// yauzl and zlib explain a broken archive in English (`End of central directory record signature not
// found…`): the common reasons are mapped to our own wording (`zip/…` keys, src/messages/{fr,en}/io.ts).
// The library's text stays as the fallback for one we do not know.
const REASONS: [pattern: RegExp, code: string][] = [
  [/End of central directory record signature not found/i, 'zip/not-a-zip'],
  [/unexpected EOF|not enough bytes in the stream|unexpected end of file/i, 'zip/truncated'],
  [/invalid (?:central directory file header|local file header|zip64 end of central directory record) signature|Invalid comment length|extra field length exceeds/i, 'zip/corrupt'],
  [/unsupported compression method/i, 'zip/unsupported-compression'],
  [/multi-disk zip files are not supported/i, 'zip/multi-disk'],
  [/strong encryption|entry is encrypted/i, 'zip/encrypted'],
  [/too many bytes in the stream|file data overflows file bounds|invalid (?:stored block lengths|block type|distance|code lengths|literal\/lengths)|incorrect header check|Z_DATA_ERROR/i, 'zip/corrupt-data'],
  [/zip file too large/i, 'zip/too-large'],
];

/** `{ reason, code? }`: the library's text, and the key of our wording when we know it. */
export function zipReason(text: string): { reason: string; code?: string } {
  const known = REASONS.find(([pattern]) => pattern.test(text));
  return known ? { reason: text, code: known[1] } : { reason: text };
}
