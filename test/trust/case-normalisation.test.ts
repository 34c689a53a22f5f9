// Case and Unicode normalisation (issue 8, points 2 and 4): names compared as the standards and the
// tools that write them compare them. XDM media are FAT-born (case-insensitive names), OPC part names
// are case-insensitive (ECMA-376-2 §6.2.2.3), XDS hashes are hex digits in either case, and macOS
// writes file names decomposed (NFD) where a manifest typed elsewhere holds them composed (NFC).
// Two zip entries that are then one name are refused: tools disagree on which copy they extract.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdaDocument } from '../../scripts/fixtures/artefact-templates.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { readZipEntries, writeZip, type ZipEntryInput } from '../../scripts/fixtures/rem-zip.js';
import { importWorkbookBytes } from '../../src/catalog/import.js';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { openZipDirectory } from '../../src/io/zip-directory.js';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import { checkBundle } from '../../src/engine/check.js';
import type { ArtefactFinding } from '../../src/artefacts/types.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

const document = Buffer.from(cdaDocument());
const WRONG_KEY = '285036912304578';
const wrongKeyDocument = Buffer.from(cdaDocument({ ins: WRONG_KEY }));
const summary = (findings: ArtefactFinding[]) => findings.map((finding) => [finding.rule, finding.severity, finding.location]);
const renamed = (entries: ZipEntryInput[], rename: (name: string) => string) => entries.map((entry) => ({ ...entry, name: rename(entry.name) }));
const LAYOUT = { metadata: 'IHE_XDM/SUBSET01/METADATA.XML', doc: 'IHE_XDM/SUBSET01/DOC0001.XML' };

describe('XDM: names in another case are read, the folder’s deviation reported', () => {
  it.each([
    ['the folder written ihe_xdm/', (name: string) => name.replace('IHE_XDM/', 'ihe_xdm/'), [['xdm/folder-case', 'warning', 'ihe_xdm/SUBSET01/METADATA.XML']]],
    ['the folder written Ihe_Xdm/, the subset subset01/', (name: string) => name.replace('IHE_XDM/SUBSET01/', 'Ihe_Xdm/subset01/'), [['xdm/folder-case', 'warning', 'Ihe_Xdm/subset01/METADATA.XML']]],
    ['METADATA.XML written metadata.xml', (name: string) => name.replace('METADATA.XML', 'metadata.xml'), []],
    ['the document written doc0001.xml (URI slot in upper case)', (name: string) => name.replace('DOC0001.XML', 'doc0001.xml'), []],
    ['INDEX.HTM and README.TXT in lower case', (name: string) => name.replace('INDEX.HTM', 'index.htm').replace('README.TXT', 'readme.txt'), []],
    [
      '\\ separators and a lower-case folder together',
      (name: string) => name.replace('IHE_XDM/', 'ihe_xdm/').replaceAll('/', '\\'),
      [
        ['xdm/backslash-separator', 'warning', 'ihe_xdm/SUBSET01/METADATA.XML'],
        ['xdm/folder-case', 'warning', 'ihe_xdm/SUBSET01/METADATA.XML'],
      ],
    ],
  ])('%s', async (_, rename, expected) => {
    const archive = writeZip(renamed(xdmEntries(document), rename));
    expect(summary((await validateXdmBytes(archive)).findings)).toEqual(expected);
    expect((await sniff(bufferSource(archive))).kind).toBe('xdm');
  });

  it('a lower-case folder’s contents are checked (a wrong INS key inside is found)', async () => {
    const id = `${WRONG_KEY}^^^&1.2.250.1.213.1.4.10&ISO^NH`;
    const entries = xdmEntries(wrongKeyDocument, (values) => Object.assign(values, { patientId: id, submissionPatientId: id }));
    const archive = writeZip(renamed(entries, (name) => name.replace('IHE_XDM/', 'ihe_xdm/')));
    expect(summary((await validateXdmBytes(archive)).findings)).toEqual([
      ['xdm/folder-case', 'warning', 'ihe_xdm/SUBSET01/METADATA.XML'],
      ['ins/key', 'error', 'ihe_xdm/SUBSET01/DOC0001.XML:/ClinicalDocument/recordTarget/patientRole/id[1]'],
    ]);
  });

  it('the URI slot in lower case names the upper-case entry', async () => {
    const archive = writeZip(xdmEntries(document, (values) => void (values.uri = 'doc0001.xml')));
    expect(summary((await validateXdmBytes(archive)).findings)).toEqual([]);
  });

  it.each([
    ['in upper case', (sha1: string) => sha1.toUpperCase(), []],
    ['in mixed case', (sha1: string) => sha1.slice(0, 20).toUpperCase() + sha1.slice(20), []],
    ['wrong, in upper case', () => createHash('sha1').update('autre').digest('hex').toUpperCase(), [['xdm/hash', 'error', "IHE_XDM/SUBSET01/METADATA.XML:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject/Slot[@name='hash']"]]],
  ])('the hash slot %s', async (_, hash, expected) => {
    const sha1 = createHash('sha1').update(document).digest('hex');
    const archive = writeZip(xdmEntries(document, (values) => void (values.hash = hash(sha1))));
    expect(summary((await validateXdmBytes(archive)).findings)).toEqual(expected);
  });
});

describe('XDM: Unicode normalisation of entry names', () => {
  const NFC = 'IHE_XDM/SUBSET01/DOCUMENT-É.XML';
  const NFD = NFC.normalize('NFD');
  if (NFD === NFC) throw new Error('NFD form equals NFC');

  it.each([
    ['entry in NFD, URI slot in NFC', NFD, 'DOCUMENT-É.XML'],
    ['entry in NFC, URI slot in NFD', NFC, 'DOCUMENT-É.XML'.normalize('NFD')],
  ])('%s: the URI names the entry', async (_, entryName, uri) => {
    const entries = renamed(
      xdmEntries(document, (values) => void (values.uri = uri)),
      (name) => (name === LAYOUT.doc ? entryName : name),
    );
    expect(summary((await validateXdmBytes(writeZip(entries))).findings)).toEqual([]);
  });
});

describe('zip entries that are one name once normalised are refused (XDM and xlsx share the reader)', () => {
  const copy = (entries: ZipEntryInput[], name: string, data: Buffer): ZipEntryInput[] => {
    const at = entries.findIndex((entry) => entry.name === LAYOUT.doc);
    return [...entries.slice(0, at), { name, data }, ...entries.slice(at)];
  };

  it.each([
    ['the same name twice', LAYOUT.doc, LAYOUT.doc],
    ['names differing only by case', 'IHE_XDM/SUBSET01/doc0001.xml', 'IHE_XDM/SUBSET01/DOC0001.XML'],
    ['names differing only by separator', 'IHE_XDM\\SUBSET01\\DOC0001.XML', 'IHE_XDM/SUBSET01/DOC0001.XML'],
    ['names differing only by Unicode form', 'IHE_XDM/SUBSET01/DOC-É.XML'.normalize('NFD'), 'IHE_XDM/SUBSET01/DOC-É.XML'],
  ])('%s: xdm/duplicate-entry on the second', async (_, first, second) => {
    const entries = copy(xdmEntries(document), first, wrongKeyDocument).map((entry) => (entry.name === LAYOUT.doc ? { ...entry, name: second } : entry));
    const shown = second.normalize('NFC');
    expect((await validateXdmBytes(writeZip(entries))).findings).toEqual([{ rule: 'xdm/duplicate-entry', severity: 'error', args: { entry: shown }, location: shown }]);
    const directory = await openZipDirectory(writeZip(entries), { maxEntries: 100, maxTotalBytes: 1 << 20 });
    expect(directory).toEqual({ ok: false, problem: { kind: 'duplicate-entry', entry: shown } });
  });

  it('an entry name flagged UTF-8 that is not UTF-8: xdm/entry-name-encoding, not a duplicate nor U+FFFD', async () => {
    const latin1 = Buffer.concat([Buffer.from('IHE_XDM/SUBSET01/R'), Buffer.from([0xc9]), Buffer.from('SUM.XML')]);
    const entries = [...xdmEntries(document), { name: '', rawName: latin1, data: document }];
    const { findings } = await validateXdmBytes(writeZip(entries));
    expect(findings).toEqual([
      { rule: 'xdm/entry-name-encoding', severity: 'error', args: { entry: 'IHE_XDM/SUBSET01/R', byte: 'C9', offset: 18 }, location: 'IHE_XDM/SUBSET01/R' },
    ]);
    expect(JSON.stringify(findings)).not.toContain('\uFFFD');
  });

  it('the same in a workbook: catalog/zip-name-encoding (exit 2), naming the byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('xl/m'), Buffer.from([0xe9]), Buffer.from('dia/a.png')]);
    const workbook = writeZip([...(await readZipEntries(readFileSync(join('fixtures', 'rem', 'REM-SAMPLE-LGC.xlsx')))), { name: '', rawName: latin1, data: Buffer.from('x') }]);
    const error = await importWorkbookBytes(workbook, '0'.repeat(64), 'REM.xlsx').then(
      () => undefined,
      (thrown: unknown) => thrown as { code: string; args: unknown },
    );
    expect(error && { code: error.code, args: error.args }).toEqual({ code: 'catalog/zip-name-encoding', args: { file: 'REM.xlsx', entry: 'xl/m', byte: 'E9', offset: 4 } });
  });

  it.each([
    ['another file', 'IHE_XDM/SUBSET01/EVL0001.XML'],
    ['the same name in another case', 'IHE_XDM/SUBSET01/doc0001.xml'],
  ])('a local header naming %s than the central directory: xdm/local-name-mismatch', async (_, localName) => {
    const zip = writeZip(xdmEntries(document));
    const name = Buffer.from(LAYOUT.doc);
    // The first copy of the name is the local header's (the central directory comes after the data).
    const at = zip.indexOf(name);
    Buffer.from(localName).copy(zip, at);
    expect((await validateXdmBytes(zip)).findings).toEqual([
      { rule: 'xdm/local-name-mismatch', severity: 'error', args: { entry: LAYOUT.doc, localName }, location: LAYOUT.doc },
    ]);
  });

  it('an OPC part written in another case is found by the name its relationship gives', async () => {
    const directory = await openZipDirectory(writeZip([{ name: 'xl/SharedStrings.xml', data: Buffer.from('<sst/>') }]), { maxEntries: 10, maxTotalBytes: 1 << 20 });
    if (!directory.ok) throw new Error(directory.problem.kind);
    expect(directory.find('xl/sharedStrings.xml')?.name).toBe('xl/SharedStrings.xml');
    directory.close();
  });
});

describe('manifest paths and files on disk in another Unicode form or case', () => {
  const work = tempDir('segur-trust-names-');
  afterAll(() => removeDir(work));
  const SCREENSHOT = 'proofs/INS_va1.01.01.01/appel-insi.png';
  const WRITTEN = 'proofs/INS_va1.01.01.01/capture-écran-insi.png';

  /** sample-ok with its screenshot stored under `onDisk` and named `inManifest` in segur.yaml. */
  const bundle = (name: string, onDisk: string, inManifest: string): string => {
    const dir = copyFixtureBundle('sample-ok', join(work, name));
    renameSync(join(dir, SCREENSHOT), join(dir, onDisk));
    const manifest = join(dir, 'segur.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(SCREENSHOT, inManifest));
    return dir;
  };
  const run = async (dir: string) => {
    const { context } = await checkBundle({ bundleDir: dir, strict: false, lang: 'fr', revealIdentifiers: false });
    const files = context.report.requirements.flatMap((requirement) => requirement.proofs.filter((proof) => proof.id === 'INS/va1.01.01.01').flatMap((proof) => proof.files));
    const raised = context.report.findings.filter((finding) => finding.severity !== 'info').map((finding) => [finding.rule, finding.file, finding.message]);
    return { verdict: context.report.verdict, files: files.map((file) => file.path), raised };
  };

  it.each([
    ['NFD on disk (macOS), NFC in the manifest', WRITTEN.normalize('NFD'), WRITTEN.normalize('NFC')],
    ['NFC on disk, NFD in the manifest', WRITTEN.normalize('NFC'), WRITTEN.normalize('NFD')],
    ['the same form on both sides', WRITTEN, WRITTEN],
  ])('%s: found, listed once', async (name, onDisk, inManifest) => {
    expect(await run(bundle(name.replace(/\W+/g, '-'), onDisk, inManifest))).toEqual({ verdict: 'pass', files: [inManifest], raised: [] });
  });

  it('a SHA-256 written in upper case in the manifest is the same digest', async () => {
    const dir = bundle('sha256-upper', SCREENSHOT, SCREENSHOT);
    const manifest = join(dir, 'segur.yaml');
    const text = readFileSync(manifest, 'utf8');
    const digest = /sha256: ([0-9a-f]{64})/.exec(text)![1]!;
    writeFileSync(manifest, text.replace(digest, digest.toUpperCase()));
    expect(await run(dir)).toEqual({ verdict: 'pass', files: [SCREENSHOT], raised: [] });
  });

  it('a name differing only by letter case is not found (Linux), the file on disk suggested', async () => {
    const outcome = await run(bundle('case', WRITTEN, WRITTEN.replace('capture', 'Capture')));
    expect(outcome.verdict).toBe('fail');
    const asked = WRITTEN.replace('capture', 'Capture');
    expect(outcome.raised).toEqual([['file/not-found', asked, `Le fichier ${asked} est introuvable dans le dossier de preuves. Vouliez-vous dire ${WRITTEN} ?`]]);
  });

  it('a name differing by letter case and Unicode form: the near match is the file as stored', async () => {
    const outcome = await run(bundle('case-nfd', WRITTEN.normalize('NFD'), WRITTEN.replace('capture', 'Capture')));
    const asked = WRITTEN.replace('capture', 'Capture');
    expect(outcome.raised).toEqual([['file/not-found', asked, `Le fichier ${asked} est introuvable dans le dossier de preuves. Vouliez-vous dire ${WRITTEN.normalize('NFD')} ?`]]);
  });
});

describe('language tags compared as BCP 47 says (RFC 5646 §2.1.1: case-insensitive)', () => {
  it.each([
    ['fr-FR', []],
    ['fr-fr', []],
    ['FR-FR', []],
    ['en-US', [['xdm/language-code', 'error', "IHE_XDM/SUBSET01/METADATA.XML:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject/Slot[@name='languageCode']"]]],
    ['fr', [['xdm/language-code', 'error', "IHE_XDM/SUBSET01/METADATA.XML:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject/Slot[@name='languageCode']"]]],
  ])('XDS languageCode %s against the CDA’s fr-FR', async (languageCode, expected) => {
    const archive = writeZip(xdmEntries(document, (values) => void (values.languageCode = languageCode)));
    expect(summary((await validateXdmBytes(archive)).findings)).toEqual(expected);
  });
});
