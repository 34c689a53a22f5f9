// The one kind detector: what a file really is, decided from its content with the same decoder
// (io/decode.ts), XML parser (saxes, namespace-aware) and zip directory reader (io/zip-directory.ts)
// as the validators, so that `validate`, `validate --kind` and `check` always agree on a file.
//
// - Binary formats by magic number (PNG, JPEG, GIF, WebP, PDF, MP4/MOV, WebM).
// - Zip: an IHE XDM archive when an entry of its central directory lies under `IHE_XDM/`, names
//   normalised as the XDM validator normalises them (`\` separators, case, NFC).
// - Text in any supported encoding (BOM, XML declaration): the XML root element whatever the prolog
//   length (comments, processing instructions), then mail headers, then plain text (logs).
import type { ArtefactKind } from '../artefacts/types.js';
import { decodeWith, detectEncoding, type TextEncoding } from '../io/decode.js';
import { normaliseName, openZip } from '../io/zip-directory.js';

export interface Sniffed {
  kind: ArtefactKind;
  /** Short, language-neutral name of the detected format (`PNG`, `PDF`, `XML ClinicalDocument`, …). */
  format: string;
  /** Readable as text (logs may be any text, XML included). */
  textual: boolean;
}

/** Bytes of the start of a file every detection looks at. */
export const SNIFF_BYTES = 64 * 1024;
/** An XML prolog longer than this is not looked through (the XML validators refuse larger files). */
const MAX_XML_SNIFF_BYTES = 64 * 1024 * 1024;
/** Entries listed from a zip's central directory to find `IHE_XDM/` (listing costs per entry present). */
const MAX_LISTED_ENTRIES = 100_000;

/** Where the sniffer reads: the start of the file, and more on demand (same descriptor). */
export interface SniffSource {
  size: number;
  /** The first `min(size, SNIFF_BYTES)` bytes. */
  head: Buffer;
  /** Up to `length` bytes at `position`. */
  read(position: number, length: number): Promise<Buffer>;
  /** What the zip reader opens: the whole content, or a descriptor on the file. */
  zip(): Buffer | number;
}

export function bufferSource(bytes: Buffer): SniffSource {
  return {
    size: bytes.length,
    head: bytes.subarray(0, SNIFF_BYTES),
    read: async (position, length) => bytes.subarray(position, position + length),
    zip: () => bytes,
  };
}

const MAGIC: ReadonlyArray<{ format: string; kind: ArtefactKind; test: (head: Buffer) => boolean }> = [
  { format: 'PNG', kind: 'screenshot', test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { format: 'JPEG', kind: 'screenshot', test: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { format: 'GIF', kind: 'screenshot', test: (h) => ascii(h, 0, 6) === 'GIF87a' || ascii(h, 0, 6) === 'GIF89a' },
  { format: 'WebP', kind: 'screenshot', test: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP' },
  { format: 'PDF', kind: 'pdf', test: (h) => indexOfAscii(h.subarray(0, 1024), '%PDF-') >= 0 },
  // ISO base media (MP4, MOV): a box size then `ftyp`; old QuickTime files start with other boxes.
  { format: 'MP4', kind: 'video', test: (h) => ['ftyp', 'moov', 'mdat', 'wide'].includes(ascii(h, 4, 8)) },
  { format: 'WebM', kind: 'video', test: (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]) },
];

export async function sniff(source: SniffSource): Promise<Sniffed> {
  const { head } = source;
  // Markup first: a document that starts with `<` is read as XML even when a comment near its start
  // holds what looks like a magic number (`<!--moov-->`, `<!-- %PDF-1.4 -->`): the magic numbers
  // below are tested only on content that is not markup.
  const markup = mayBeMarkup(head);
  const text = markup ? await headText(source) : undefined;
  if (text !== undefined && text.replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
    const root = await xmlRoot(source, text);
    if (root) return { kind: root.kind, format: `XML ${root.name}`, textual: true };
  }
  for (const magic of MAGIC) {
    if (magic.test(head)) return { kind: magic.kind, format: magic.format, textual: false };
  }
  if (ascii(head, 0, 4) === 'PK\x03\x04' || ascii(head, 0, 4) === 'PK\x05\x06') {
    const isXdm = await hasXdmEntries(source);
    return { kind: isXdm ? 'xdm' : 'document', format: isXdm ? 'ZIP IHE_XDM' : 'ZIP', textual: false };
  }
  const plain = markup ? text : await headText(source);
  if (plain === undefined) return { kind: 'document', format: 'binaire', textual: false };
  if (looksLikeMail(plain)) return { kind: 'eml', format: 'EML', textual: true };
  return { kind: 'log', format: 'texte', textual: true };
}

/** A byte order mark, or `<` as the first non-blank byte (8-bit or UTF-16): worth decoding as markup. */
function mayBeMarkup(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xef && head[1] === 0xbb)) return true;
  const first = head.findIndex((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x00);
  return first >= 0 && head[first] === 0x3c;
}

/** Kinds whose files go through a validator (artefacts/validators.ts): content of these kinds is judged. */
const VALIDATED_KINDS: ReadonlySet<ArtefactKind> = new Set(['cda', 'ins', 'xdm', 'eml', 'evs-report']);

/**
 * The kind a file is taken for: the declared one, except that a generic declaration (`document`,
 * `log`) does not hide an artefact the content is (a CDA declared `log` is judged as the CDA it is,
 * as `segur validate` judges it); the sniffed kind when nothing is declared.
 */
export function effectiveKind(declared: ArtefactKind | undefined, sniffed: Sniffed): ArtefactKind {
  if (declared === undefined) return sniffed.kind;
  if ((declared === 'document' || declared === 'log') && VALIDATED_KINDS.has(sniffed.kind) && kindAccepts(declared, sniffed)) return sniffed.kind;
  return declared;
}

/** Can content sniffed as `sniffed` be what the manifest declares? `document` takes anything. */
export function kindAccepts(declared: ArtefactKind, sniffed: Sniffed): boolean {
  if (declared === 'document') return true;
  if (declared === 'log') return sniffed.textual;
  return declared === sniffed.kind;
}

// --- zip -------------------------------------------------------------------------------------

async function hasXdmEntries(source: SniffSource): Promise<boolean> {
  const names = await centralDirectoryNames(source.zip());
  if (names) return names.some(isXdmName);
  // No readable central directory: a damaged archive that names IHE_XDM in its bytes is still
  // handed to the XDM validator, which reports what is wrong with it.
  return /IHE_XDM[/\\]/i.test(ascii(source.head, 0, source.head.length));
}

function isXdmName(name: string): boolean {
  return normaliseName(name).toUpperCase().startsWith('IHE_XDM/');
}

async function centralDirectoryNames(zip: Buffer | number): Promise<string[] | undefined> {
  const options = { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: false };
  let file;
  try {
    file = await openZip(zip, options);
  } catch {
    return undefined;
  }
  const opened = file;
  return new Promise((resolve) => {
    const names: string[] = [];
    const done = (result: string[] | undefined): void => {
      opened.removeAllListeners();
      opened.close();
      resolve(result);
    };
    opened.on('entry', (entry: { fileName: string }) => {
      names.push(entry.fileName);
      if (isXdmName(entry.fileName) || names.length >= MAX_LISTED_ENTRIES) return done(names);
      opened.readEntry();
    });
    opened.once('end', () => done(names));
    // A name yauzl refuses (`..`, absolute) still counts: the validator reports it.
    opened.once('error', (error: Error) => done(/IHE_XDM[/\\]/i.test(error.message) ? [...names, 'IHE_XDM/'] : names.length > 0 ? names : undefined));
    opened.readEntry();
  });
}

// --- text ------------------------------------------------------------------------------------

interface HeadEncoding {
  encoding: TextEncoding;
  bomLength: number;
}

function encodingOf(head: Buffer): HeadEncoding {
  const guess = detectEncoding(head.subarray(0, 1024), { xml: true });
  // An encoding segur cannot decode: the ASCII-compatible start still shows what the file is.
  if ('unknown' in guess) return { encoding: 'iso-8859-1', bomLength: 0 };
  // Text saved as UTF-16 without BOM nor declaration (Notepad, PowerShell redirections): its NUL
  // high bytes show it. Not XML the validators can read (XML 1.0 §4.3.3: they read it as UTF-8 and
  // report it), nor a message as sent, but the file goes to the validator of what it says.
  if (guess.bomLength === 0 && guess.declared === undefined) {
    const order = utf16Order(head);
    if (order !== undefined) return { encoding: order, bomLength: 0 };
  }
  return guess;
}

/** Code units looked at: enough for a first line of text, few enough for a short file. */
const UTF16_PROBE_UNITS = 16;

/**
 * `utf-16le` when the first code units (up to 16, two at least) all have a zero high byte and a
 * non-zero low byte — text in the Latin-1 range written as UTF-16 little-endian — `utf-16be` for the
 * mirror image; undefined otherwise (8-bit text has no NUL bytes; binaries are told by their magic
 * numbers before the text is looked at).
 */
function utf16Order(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const units = Math.min(UTF16_PROBE_UNITS, Math.floor(head.length / 2));
  if (units < 2) return undefined;
  let le = true;
  let be = true;
  for (let unit = 0; unit < units; unit++) {
    const first = head[unit * 2]!;
    const second = head[unit * 2 + 1]!;
    le &&= first !== 0 && second === 0;
    be &&= first === 0 && second !== 0;
  }
  return le ? 'utf-16le' : be ? 'utf-16be' : undefined;
}

/**
 * The head decoded, as far as it is valid (an invalid byte is the validator's to report, with its
 * position); undefined when it is not text (control characters other than layout ones).
 */
async function headText(source: SniffSource): Promise<string | undefined> {
  const text = decodePrefix(source.head, encodingOf(source.head), source.head.length < source.size);
  if (text === '' || /[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) return undefined;
  return text;
}

/**
 * The text of `bytes` for telling the format apart, invalid bytes being the validator's to report
 * (with their position): UTF-8 that does not decode is read as Latin-1 (markup is ASCII in both, so
 * a French comment saved as Latin-1 under a UTF-8 declaration does not hide the root, however many
 * accented letters it holds); in UTF-16 each invalid unit stands as a space.
 */
function decodePrefix(bytes: Buffer, { encoding, bomLength }: HeadEncoding, truncated: boolean): string {
  let rest = bytes.subarray(bomLength);
  if (encoding === 'utf-8') {
    const strict = decodeWith(rest, encoding, truncated);
    const text = strict.ok ? strict : decodeWith(rest, 'iso-8859-1');
    return text.ok ? text.text : '';
  }
  let text = '';
  for (let skipped = 0; skipped < MAX_SKIPPED_BYTES; skipped++) {
    const decoded = decodeWith(rest, encoding, truncated);
    if (decoded.ok) return text + decoded.text;
    if (decoded.problem.kind !== 'invalid-bytes') return text;
    const valid = decodeWith(rest.subarray(0, decoded.problem.byteOffset), encoding, true);
    text += (valid.ok ? valid.text : '') + ' ';
    rest = rest.subarray(decoded.problem.byteOffset + 1);
  }
  return text;
}

/** Past this many invalid UTF-16 units the start of the file is taken as what was decoded so far. */
const MAX_SKIPPED_BYTES = 16;

const HL7_V3 = 'urn:hl7-org:v3';
const XSLT = 'http://www.w3.org/1999/XSL/Transform';

interface RootFinding {
  name: string;
  kind: ArtefactKind;
}

/**
 * The root element, read by saxes (as the validators read it), with the few elements below it that
 * tell a format apart: a ClinicalDocument inside an XSL stylesheet (ANS "auto-présentable"), an INSi
 * RESULTAT inside a SOAP envelope. Reads further than the head when the prolog is longer.
 */
async function xmlRoot(source: SniffSource, headText: string): Promise<RootFinding | undefined> {
  let scan = await scanXml(headText);
  if ('undecided' in scan && source.head.length < source.size) {
    const length = Math.min(source.size, MAX_XML_SNIFF_BYTES);
    const bytes = await source.read(0, length);
    scan = await scanXml(decodePrefix(bytes, encodingOf(source.head), length < source.size));
  }
  if ('decided' in scan) return scan.decided;
  return scan.undecided === undefined ? undefined : { name: scan.undecided, kind: 'document' };
}

type XmlScan = { decided: RootFinding | undefined } | { undecided: string | undefined };

class Decided {
  constructor(readonly finding: RootFinding | undefined) {}
}

async function scanXml(text: string): Promise<XmlScan> {
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ xmlns: true });
  let root: { local: string; uri: string } | undefined;
  let depth = 0;
  /** Inside a SOAP Body (a Header, however deep, says nothing of the answer). */
  let inBody = false;
  const decide = (finding: RootFinding | undefined): never => {
    throw new Decided(finding);
  };
  parser.on('error', () => {
    // Not well-formed before the decision: the root seen so far still says what the file meant to be.
    decide(root ? classify(root.local) : fallbackRoot(text));
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (!root) {
      root = { local: tag.local, uri: tag.uri };
      if (!(tag.uri === XSLT || tag.local === 'Envelope')) decide(classify(tag.local));
      return;
    }
    if (tag.local === 'ClinicalDocument' && tag.uri === HL7_V3 && root.uri === XSLT) decide({ name: root.local, kind: 'cda' });
    if (root.local !== 'Envelope') return;
    if (depth === 2) inBody = tag.local === 'Body';
    // RESULTAT in any namespace: the INSi validator judges it (insi/not-insi), as the CDA validator
    // judges a ClinicalDocument's namespace; `validate`, `validate --kind` and `check` then agree.
    if (inBody && tag.local === 'RESULTAT') decide({ name: root.local, kind: 'ins' });
    if (inBody && depth > 4) decide({ name: root.local, kind: 'document' });
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(text);
  } catch (error) {
    if (error instanceof Decided) return { decided: error.finding };
    throw error;
  }
  return { undecided: root?.local };
}

/** The kind a root element's local name calls for; its namespace is the validator's to judge. */
function classify(local: string): RootFinding {
  if (local === 'ClinicalDocument') return { name: local, kind: 'cda' };
  // Any namespace: a report in the wrong one is the EVS validator's to refuse (evs/unknown-format).
  if (local === 'validationReport' || local === 'detailedResult') return { name: local, kind: 'evs-report' };
  if (local === 'RESULTAT' || local === 'INSiResultat') return { name: local, kind: 'ins' };
  return { name: local, kind: 'document' };
}

/** Local name of the first element when saxes gave up in the prolog (e.g. a bad declaration). */
function fallbackRoot(text: string): RootFinding | undefined {
  const name = xmlRootElement(text);
  return name ? classify(name) : undefined;
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

// RFC 5322: header lines `Name: value` (or folded continuations) up to the first blank line, an
// mbox `From ` separator line allowed first. At least two usual headers, one of which names the
// message or its path (a message saved without its From is still a message).
const MAIL_HEADERS = new Set(['from', 'to', 'cc', 'date', 'subject', 'message-id', 'mime-version', 'received', 'return-path', 'content-type', 'reply-to', 'sender']);
const MESSAGE_HEADERS = ['from', 'sender', 'message-id', 'received', 'return-path'];

function looksLikeMail(text: string): boolean {
  const headerBlock = (text.replace(/^\uFEFF/, '').split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/^From [^\r\n]*\r?\n/, '');
  const lines = headerBlock.split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):[ \t]?/.exec(line);
    if (!match) return false;
    names.add(match[1]!.toLowerCase());
  }
  const usual = [...names].filter((name) => MAIL_HEADERS.has(name) || name.startsWith('x-mss-')).length;
  return usual >= 2 && MESSAGE_HEADERS.some((name) => names.has(name));
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

/** Bytes as ASCII characters (magic numbers are ASCII; other bytes become `?`-like code points). */
function ascii(head: Buffer, start: number, end: number): string {
  let text = '';
  for (let index = start; index < Math.min(end, head.length); index++) text += String.fromCharCode(head[index]!);
  return text;
}

function indexOfAscii(bytes: Buffer, needle: string): number {
  return bytes.indexOf(needle, 0, 'latin1');
}
