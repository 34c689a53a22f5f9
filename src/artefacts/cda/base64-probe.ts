// Looks at a base64 body while it streams past: keeps a count, the first bad character and the
// first decoded bytes (enough to recognise `%PDF-`), never the body itself.
import type { TextSink } from '../xml/read-xml.js';
import type { Base64Probe } from './document.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');
/** 8 base64 characters decode to 6 bytes, enough for the 5-byte magic. */
const HEAD_CHARS = 8;
const NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;

export function base64Probe(onEnd: (probe: Base64Probe) => void): TextSink {
  let head = '';
  let length = 0;
  let invalidCharacter: string | undefined;
  return {
    write(chunk: string) {
      if (invalidCharacter === undefined) {
        const bad = NOT_BASE64.exec(chunk);
        if (bad) invalidCharacter = bad[0];
      }
      const compact = chunk.replace(/\s+/g, '');
      length += compact.length;
      if (head.length < HEAD_CHARS) head += compact.slice(0, HEAD_CHARS - head.length);
    },
    skipped(count: number) {
      length += count;
    },
    end() {
      const decoded = Buffer.from(head, 'base64');
      onEnd({ length, invalidCharacter, startsWithPdf: decoded.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC) });
    },
  };
}
