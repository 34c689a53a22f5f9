// Encodings × readers (issue 8, point 2): every XML reader (CDA, INSi response, METADATA.XML inside
// an XDM, EVS report) reads each supported encoding as itself, and reports an undecodable byte or an
// unknown declared encoding as an error finding at the byte's line and column — never U+FFFD. The
// sniffer, given the same bytes, says what the file is, so that `check` hands it to the validator.
// segur.yaml has no declaration: UTF-8 or UTF-16 (BOM, or told by its NULs); anything else is exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import { loadManifest } from '../../src/bundle/manifest.js';
import { sampleOk } from '../../scripts/fixtures/bundles.js';
import { isSegurError } from '../../src/errors.js';
import { declared, encode, positionOf, type Encoding } from './encodings.js';
import { XML_READERS } from './readers.js';

/** Text each encoding can carry, chosen where encodings differ (é, œ, €, typographic quotes, astral). */
const SAMPLES = {
  unicode: 'Œdème « aigu » 5 € ‘x’ 😀',
  latin1: 'Hématologie « ÿ » ½',
  latin9: 'Œdème œ Ÿ 5 €',
  windows1252: 'Œdème œ 5 € ‘x’ “y” — …',
};

interface ReadableCase {
  name: string;
  encoding: Encoding;
  /** The label written in the XML declaration; null: no declaration. */
  label: string | null;
  sample: string;
}

const READABLE: ReadableCase[] = [
  { name: 'UTF-8', encoding: 'utf-8', label: 'UTF-8', sample: SAMPLES.unicode },
  { name: 'UTF-8 without declaration', encoding: 'utf-8', label: null, sample: SAMPLES.unicode },
  { name: 'UTF-8 with a BOM', encoding: 'utf-8-bom', label: 'UTF-8', sample: SAMPLES.unicode },
  { name: 'UTF-16LE with a BOM', encoding: 'utf-16le-bom', label: 'UTF-16', sample: SAMPLES.unicode },
  { name: 'UTF-16BE with a BOM', encoding: 'utf-16be-bom', label: 'UTF-16', sample: SAMPLES.unicode },
  { name: 'UTF-16LE with a BOM, no declaration', encoding: 'utf-16le-bom', label: null, sample: SAMPLES.unicode },
  { name: 'UTF-16LE without BOM, declared UTF-16', encoding: 'utf-16le', label: 'UTF-16', sample: SAMPLES.unicode },
  { name: 'UTF-16BE without BOM, declared UTF-16', encoding: 'utf-16be', label: 'UTF-16', sample: SAMPLES.unicode },
  { name: 'ISO-8859-1 declared (é = 0xE9)', encoding: 'iso-8859-1', label: 'ISO-8859-1', sample: SAMPLES.latin1 },
  { name: 'ISO-8859-1 declared as latin1', encoding: 'iso-8859-1', label: 'latin1', sample: SAMPLES.latin1 },
  { name: 'ISO-8859-15 declared (0xBD = œ, 0xA4 = €)', encoding: 'iso-8859-15', label: 'ISO-8859-15', sample: SAMPLES.latin9 },
  { name: 'windows-1252 declared (0x80 = €, 0x92 = ’)', encoding: 'windows-1252', label: 'windows-1252', sample: SAMPLES.windows1252 },
  { name: 'windows-1252 declared as Cp1252', encoding: 'windows-1252', label: 'Cp1252', sample: SAMPLES.windows1252 },
];

describe.each(XML_READERS.map((reader) => [reader.name, reader]))('%s: encodings read as themselves', (_, reader) => {
  it.each(READABLE.map((one) => [one.name, one]))('%s', async (_, one) => {
    const bytes = reader.container(encode(declared(reader.document(one.sample), one.label), one.encoding), one.sample);
    const outcome = await reader.validate(bytes);
    expect(outcome.findings.map((finding) => finding.rule)).toEqual(reader.cleanFindings);
    expect(outcome.sample).toBe(reader.family === 'xds' ? 'as the CDA' : one.sample);
    expect((await sniff(bufferSource(bytes))).kind).toBe(reader.kind);
  });
});

describe.each(XML_READERS.map((reader) => [reader.name, reader]))('%s: bytes that cannot be read are an error finding, where they are', (_, reader) => {
  const family = reader.family;

  it('invalid UTF-8 (a 0xFF byte) in a document declared UTF-8', async () => {
    const text = reader.document('Héma#tologie');
    const at = positionOf(text, '#');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, text.indexOf('#'))), Buffer.from([0xff]), Buffer.from(text.slice(text.indexOf('#') + 1))]);
    await expectEncodingFinding(reader, bytes, 'UTF-8', at);
  });

  it('Latin-1 bytes (é = 0xE9) in a document declared UTF-8', async () => {
    const text = reader.document('Hématologie');
    const bytes = encode(text.replaceAll(/[^\x00-\xff]/gu, '?'), 'iso-8859-1');
    await expectEncodingFinding(reader, bytes, 'UTF-8', positionOf(text.replaceAll(/[^\x00-\xff]/gu, '?'), 'é'));
  });

  it('Latin-1 bytes in a document without declaration (UTF-8 by default)', async () => {
    const text = declared(reader.document('Hématologie'), null);
    await expectEncodingFinding(reader, encode(text.replaceAll(/[^\x00-\xff]/gu, '?'), 'iso-8859-1'), 'UTF-8', positionOf(text.replaceAll(/[^\x00-\xff]/gu, '?'), 'é'));
  });

  it('Latin-1 bytes declared UTF-8, a French comment of many accented letters before the root', async () => {
    const header = '<!-- Généré par le logiciel de l’éditeur : données de santé à caractère personnel, accès réservé aux professionnels habilités, conservées selon la réglementation en vigueur ; vérifié, télétransmis, archivé (dossier médical). -->\n';
    const text = reader.document('Hématologie').replace(/\n</, `\n${header}<`).replaceAll(/[^\x00-\xff]/gu, '?');
    expect(text.slice(0, text.indexOf('-->')).match(/[\x80-\xff]/g)!.length).toBeGreaterThan(16);
    await expectEncodingFinding(reader, encode(text, 'iso-8859-1'), 'UTF-8', positionOf(text, 'é'));
  });

  it('an unpaired surrogate in a UTF-16LE document', async () => {
    const text = declared(reader.document('Héma#tologie'), 'UTF-16');
    const bytes = encode(text, 'utf-16le-bom');
    const unit = 2 + 2 * text.indexOf('#');
    bytes.writeUInt16LE(0xd800, unit);
    await expectEncodingFinding(reader, bytes, 'UTF-16LE', { ...positionOf(text, '#'), utf8Offset: unit });
  });

  // XML 1.0 §4.3.3 and Appendix F: UTF-16 needs a BOM, or a declaration after which `<?` shows the
  // byte order; without either the bytes are read as UTF-8, and refused (libxml2 and Xerces do too).
  it.each(['utf-16le', 'utf-16be'] as const)('%s without BOM nor declaration: read as UTF-8, refused at its first byte above 0x7F', async (encoding) => {
    const bytes = encode(declared(reader.document('Hématologie'), null), encoding);
    const offset = bytes.findIndex((byte) => byte > 0x7f);
    const prefix = bytes.subarray(0, offset).toString('latin1');
    const line = prefix.split('\n').length;
    await expectEncodingFinding(reader, bytes, 'UTF-8', { line, column: offset - (prefix.lastIndexOf('\n') + 1) + 1, utf8Offset: offset });
  });

  it.each(['x-mac-roman', 'EBCDIC-FR', 'Shift_JIS'])('the unknown declared encoding %s', async (label) => {
    const bytes = reader.container(Buffer.from(declared(reader.document('Hématologie'), label)), 'Hématologie');
    const outcome = await reader.validate(bytes);
    expect(outcome.findings).toEqual([{ rule: `${family}/unknown-encoding`, severity: 'error', args: { encoding: label }, ...(family === 'xds' ? { location: reader.location(0).replace(':ligne 0', '') } : {}) }]);
    expect((await sniff(bufferSource(bytes))).kind).toBe(reader.kind);
  });
});

describe('an undecodable byte is placed as the XML parser places a fault (XML 1.0 §2.11 line ends, one column per character)', () => {
  const cda = XML_READERS[0]!;

  it.each([
    ['lines ended by CR alone (classic Mac OS)', '\r'],
    ['lines ended by CRLF (Windows)', '\r\n'],
  ])('%s', async (_, newline) => {
    const text = cda.document('Héma#tologie').replaceAll('\n', newline);
    const at = positionOf(cda.document('Héma#tologie'), '#');
    const index = text.indexOf('#');
    const invalid = Buffer.concat([Buffer.from(text.slice(0, index)), Buffer.from([0xff]), Buffer.from(text.slice(index + 1))]);
    const malformed = Buffer.from(`${text.slice(0, index)}<${text.slice(index + 1)}`);
    const [encoding] = (await cda.validate(invalid)).findings;
    const [fault] = (await cda.validate(malformed)).findings;
    expect(encoding).toMatchObject({ rule: 'cda/encoding', line: at.line, column: at.column, args: { offset: Buffer.byteLength(text.slice(0, index)) } });
    expect(fault).toMatchObject({ rule: 'cda/not-well-formed', line: at.line });
  });

  it('characters outside the BMP count one column each, as for a well-formedness fault', async () => {
    const text = cda.document('😀😀#');
    const index = text.indexOf('#');
    const invalid = Buffer.concat([Buffer.from(text.slice(0, index)), Buffer.from([0xff]), Buffer.from(text.slice(index + 1))]);
    const malformed = Buffer.from(`${text.slice(0, index)}&${text.slice(index + 1)}`);
    const [encoding] = (await cda.validate(invalid)).findings;
    const [fault] = (await cda.validate(malformed)).findings;
    const { line, column } = positionOf(text, '#');
    expect(encoding).toMatchObject({ rule: 'cda/encoding', line, column });
    expect(fault).toMatchObject({ rule: 'cda/not-well-formed', line: encoding!.line, column: encoding!.column });
  });
});

/** One `<family>/encoding` error at `at`, nothing else; the sniffer still sees the file's kind. */
async function expectEncodingFinding(reader: (typeof XML_READERS)[number], document: Buffer, encoding: string, at: { line: number; column: number; utf8Offset: number }) {
  const bytes = reader.container(document, 'Hématologie');
  const outcome = await reader.validate(bytes);
  const args = { encoding, offset: at.utf8Offset };
  const expected =
    reader.family === 'xds'
      ? { rule: 'xds/encoding', severity: 'error', args, location: reader.location(at.line) }
      : { rule: `${reader.family}/encoding`, severity: 'error', args, line: at.line, column: at.column, location: reader.location(at.line) };
  expect(outcome.findings).toEqual([expected]);
  expect(outcome.sample).toBeUndefined();
  expect((await sniff(bufferSource(bytes))).kind).toBe(reader.kind);
}

describe('segur.yaml: UTF-8 or UTF-16 (YAML 1.2 §5.2); any other bytes are exit 2 naming file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segur-manifest-encoding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const manifestText = (editor: string) => {
    const { manifest } = sampleOk();
    (manifest.editor as { name: string }).name = editor;
    return `# Dossier d’essai\n${stringify(manifest, { lineWidth: 0 })}`;
  };
  const load = async (bytes: Buffer) => {
    writeFileSync(join(dir, 'segur.yaml'), bytes);
    try {
      return { editor: (await loadManifest(dir)).manifest.editor.name };
    } catch (error) {
      if (isSegurError(error)) return { code: error.code, args: error.args };
      throw error;
    }
  };

  it.each([
    ['UTF-8', 'utf-8'],
    ['UTF-8 with a BOM', 'utf-8-bom'],
    ['UTF-16LE with a BOM', 'utf-16le-bom'],
    ['UTF-16BE with a BOM', 'utf-16be-bom'],
    // YAML 1.2 §5.2: without a BOM a stream starts with an ASCII character; its NUL byte tells UTF-16.
    ['UTF-16LE without BOM', 'utf-16le'],
    ['UTF-16BE without BOM', 'utf-16be'],
  ] as const)('%s is read as itself', async (_, encoding) => {
    expect(await load(encode(manifestText(SAMPLES.unicode), encoding))).toEqual({ editor: SAMPLES.unicode });
  });

  it('invalid UTF-8 (0xFF): io/input-invalid-bytes at the byte', async () => {
    const text = manifestText('Éditeur#Exemple');
    const at = positionOf(text, '#');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, text.indexOf('#'))), Buffer.from([0xff]), Buffer.from(text.slice(text.indexOf('#') + 1))]);
    expect(await load(bytes)).toEqual({ code: 'io/input-invalid-bytes', args: { file: join(dir, 'segur.yaml'), line: at.line, column: at.column, encoding: 'UTF-8', offset: at.utf8Offset } });
  });

  it.each([
    ['ISO-8859-1 bytes (É = 0xC9)', 'iso-8859-1', "# Dossier d'essai", 'É'],
    ['windows-1252 bytes (’ = 0x92)', 'windows-1252', '# Dossier d’essai', '’'],
  ] as const)('%s: io/input-invalid-bytes at the first byte UTF-8 refuses', async (_, encoding, comment, first) => {
    let text = manifestText('Éditeur Exemple').replace('# Dossier d’essai', comment);
    if (encoding === 'iso-8859-1') text = text.replaceAll('’', "'");
    const bytes = encode(text, encoding);
    const at = { ...positionOf(text, first), offset: text.indexOf(first) };
    expect(await load(bytes)).toEqual({ code: 'io/input-invalid-bytes', args: { file: join(dir, 'segur.yaml'), line: at.line, column: at.column, encoding: 'UTF-8', offset: at.offset } });
  });
});
