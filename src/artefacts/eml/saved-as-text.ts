// A message file re-saved by a text editor: Windows Notepad and PowerShell (`Out-File`, `Set-Content
// -Encoding UTF8` in Windows PowerShell 5.1) write a byte order mark, or the whole file in UTF-16.
// No mail software writes either (RFC 5322 messages are 8-bit text without a BOM), yet such a file
// is still the message: bundle/sniff.ts recognises it as one, and the validator reads it as one —
// the BOM dropped, UTF-16 decoded and written back as UTF-8 (what the editor read) — with a warning
// that the deposited file is not the message exactly as sent.
import { decodeWith, detectEncoding } from '../../io/decode.js';
import type { ArtefactFinding } from '../types.js';

/** The bytes to read as the message, and the warning when they are not the file's own bytes. */
export function messageBytesOf(bytes: Buffer): { bytes: Buffer; finding?: ArtefactFinding } {
  const guess = detectEncoding(bytes.subarray(0, 4), { xml: false });
  if ('unknown' in guess || (guess.encoding === 'utf-8' && guess.bomLength === 0)) return { bytes };
  const finding = (saved: string): ArtefactFinding => ({ rule: 'eml/saved-as-text', severity: 'warning', args: { saved } });
  if (guess.encoding === 'utf-8') return { bytes: bytes.subarray(guess.bomLength), finding: finding('BOM UTF-8') };
  const decoded = decodeWith(bytes.subarray(guess.bomLength), guess.encoding, false, guess.bomLength);
  if (!decoded.ok) return { bytes }; // not UTF-16 text after all: read as it is (and refused if it is no message)
  return { bytes: Buffer.from(decoded.text, 'utf8'), finding: finding(guess.encoding.toUpperCase()) };
}
