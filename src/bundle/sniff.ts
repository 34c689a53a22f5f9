// What a file really is, decided from its first and last bytes (magic numbers, XML root element,
// mail headers). The declared `kind` is checked against this; undeclared files get this kind.
import type { ArtefactKind } from '../artefacts/types.js';

export interface Sniffed {
  kind: ArtefactKind;
  /** Short, language-neutral name of the detected format (`PNG`, `PDF`, `XML ClinicalDocument`, …). */
  format: string;
  /** Readable as text (logs may be any text, XML included). */
  textual: boolean;
}

/** How many bytes of the start (and end) of a file the sniffer looks at. */
export const SNIFF_BYTES = 64 * 1024;

const MAGIC: ReadonlyArray<{ format: string; kind: ArtefactKind; test: (head: Buffer) => boolean }> = [
  { format: 'PNG', kind: 'screenshot', test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { format: 'JPEG', kind: 'screenshot', test: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { format: 'GIF', kind: 'screenshot', test: (h) => ascii(h, 0, 6) === 'GIF87a' || ascii(h, 0, 6) === 'GIF89a' },
  { format: 'WebP', kind: 'screenshot', test: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP' },
  { format: 'PDF', kind: 'pdf', test: (h) => ascii(h, 0, 1024).includes('%PDF-') },
  // ISO base media (MP4, MOV): a box size then `ftyp`; old QuickTime files start with other boxes.
  { format: 'MP4', kind: 'video', test: (h) => ['ftyp', 'moov', 'mdat', 'wide'].includes(ascii(h, 4, 8)) },
  { format: 'WebM', kind: 'video', test: (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]) },
];

export function sniff(head: Buffer, tail: Buffer): Sniffed {
  for (const magic of MAGIC) {
    if (magic.test(head)) return { kind: magic.kind, format: magic.format, textual: false };
  }
  if (ascii(head, 0, 4) === 'PK\x03\x04' || ascii(head, 0, 4) === 'PK\x05\x06') {
    // Entry names are stored in clear in local headers and the central directory (file end).
    const isXdm = head.includes('IHE_XDM/') || tail.includes('IHE_XDM/');
    return { kind: isXdm ? 'xdm' : 'document', format: isXdm ? 'ZIP IHE_XDM' : 'ZIP', textual: false };
  }
  if (!looksLikeText(head)) return { kind: 'document', format: 'binaire', textual: false };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const root = xmlRootElement(text);
  if (root) return { kind: xmlKind(root, text), format: `XML ${root}`, textual: true };
  if (looksLikeMail(text)) return { kind: 'eml', format: 'EML', textual: true };
  return { kind: 'log', format: 'texte', textual: true };
}

/** Can content sniffed as `sniffed` be what the manifest declares? `document` takes anything. */
export function kindAccepts(declared: ArtefactKind, sniffed: Sniffed): boolean {
  if (declared === 'document') return true;
  if (declared === 'log') return sniffed.textual;
  return declared === sniffed.kind;
}

function xmlKind(root: string, text: string): ArtefactKind {
  if (root === 'ClinicalDocument') return 'cda';
  // ANS "auto-présentable" documents: an XSL stylesheet carrying the CDA inside (artefacts/cda reads them).
  if (root === 'stylesheet' && /<(?:[\w.-]+:)?ClinicalDocument[\s>]/.test(text)) return 'cda';
  if (root === 'validationReport' || root === 'detailedResult') return 'evs-report';
  if (root === 'RESULTAT' || root === 'INSiResultat') return 'ins';
  if (root === 'Envelope' && /cnamts\.fr\/INSi|INSiResultat|<(?:[\w.-]+:)?RESULTAT[\s>]/.test(text)) return 'ins';
  return 'document';
}

/** Local name of the first element, after the XML declaration, comments, PIs and a DOCTYPE. */
export function xmlRootElement(text: string): string | undefined {
  let rest = text.trimStart();
  if (!rest.startsWith('<')) return undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = after(rest, '?>');
    else if (rest.startsWith('<!--')) rest = after(rest, '-->');
    else if (rest.startsWith('<!DOCTYPE') || rest.startsWith('<!doctype')) rest = afterDoctype(rest);
    else break;
    if (rest === '') return undefined;
  }
  return /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(rest)?.[1];
}

function after(text: string, end: string): string {
  const index = text.indexOf(end);
  return index < 0 ? '' : text.slice(index + end.length);
}

function afterDoctype(text: string): string {
  const bracket = text.indexOf('[');
  const close = text.indexOf('>');
  if (bracket >= 0 && bracket < close) return after(after(text, ']'), '>');
  return after(text, '>');
}

// RFC 5322: header lines `Name: value` (or folded continuations) up to the first blank line,
// with at least From and one more usual header.
function looksLikeMail(text: string): boolean {
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = headerBlock.split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):[ \t]?/.exec(line);
    if (!match) return false;
    names.add(match[1]!.toLowerCase());
  }
  return names.has('from') && ['date', 'subject', 'to', 'message-id', 'mime-version'].some((name) => names.has(name));
}

function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) return false;
  }
  return head.length > 0;
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

function ascii(head: Buffer, start: number, end: number): string {
  return head.subarray(start, Math.min(end, head.length)).toString('latin1');
}
