// IHE XDM validation: one fixture per defect of artefact-rules.md section 3 with its exact finding,
// hostile archives refused on the central directory (fast, no inflating), embedded CDA findings and
// identities located inside the archive, and the HL7 → XDS UTC time conversion.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXdmFile } from '../helpers/artefact-files.js';
import { ARCHIVE_CODES } from '../../src/artefacts/xdm/validator.js';
import { XDM_RULES } from '../../src/artefacts/xdm/rules/index.js';
import { EVS_CODES } from '../../src/artefacts/evs/validator.js';
import { toUtc } from '../../src/artefacts/xdm/cda-facts.js';
import { READ_PROBLEMS } from '../../src/artefacts/read-findings.js';
import { catalogs, formatMessage } from '../../src/messages/index.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { validXdmArchive, xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { EVS_MATCH_CODES } from '../../src/engine/evs-match.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/xdm/${name}`, import.meta.url));
const METADATA = 'IHE_XDM/SUBSET01/METADATA.XML';
const ENTRY = `${METADATA}:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject`;
const SUBMISSION = `${METADATA}:/SubmitObjectsRequest/RegistryObjectList/RegistryPackage`;

/** One archive per defect: its exact finding and where in METADATA.XML. */
const ENTRY_DEFECTS: [string, string, string | null][] = [
  ['wrong-hash', 'xdm/hash', `${ENTRY}/Slot[@name='hash']`],
  ['wrong-size', 'xdm/size', `${ENTRY}/Slot[@name='size']`],
  ['missing-uri-file', 'xdm/uri-not-found', `${ENTRY}/Slot[@name='URI']`],
  ['wrong-unique-id', 'xdm/unique-id', `${ENTRY}/ExternalIdentifier[uniqueId]`],
  ['wrong-patient-id', 'xdm/patient-id', `${ENTRY}/ExternalIdentifier[DocumentEntry.patientId]`],
  ['wrong-submission-patient-id', 'xdm/patient-id', `${SUBMISSION}/ExternalIdentifier[SubmissionSet.patientId]`],
  ['wrong-type-code', 'xdm/type-code', `${ENTRY}/Classification[typeCode]`],
  ['wrong-confidentiality-code', 'xdm/confidentiality-code', `${ENTRY}/Classification[confidentialityCode]`],
  ['wrong-language-code', 'xdm/language-code', `${ENTRY}/Slot[@name='languageCode']`],
  ['wrong-title', 'xdm/title', `${ENTRY}/Name/LocalizedString/@value`],
  ['local-creation-time', 'xdm/creation-time', `${ENTRY}/Slot[@name='creationTime']`],
  ['wrong-service-time', 'xdm/service-time', `${ENTRY}/Slot[@name='serviceStartTime']`],
  ['wrong-author', 'xdm/author', `${ENTRY}/Classification[author]`],
  ['no-metadata', 'xdm/no-metadata', null],
];

const summary = async (path: string) =>
  (await validateXdmFile(path)).findings.map((finding) => [finding.rule, finding.severity, finding.location ?? null]);

describe('XDM archive against its CDA', () => {
  it.each(['valid.zip', 'valid-n3.zip'])('%s has no finding and yields the CDA identity, located in the archive', async (name) => {
    const result = await validateXdmFile(fixture(name));
    expect(result.findings).toEqual([]);
    expect(result.identities.map((identity) => [identity.ins, identity.oid, identity.location])).toEqual([
      ['285036912304579', '1.2.250.1.213.1.4.10', 'IHE_XDM/SUBSET01/DOC0001.XML:/ClinicalDocument/recordTarget/patientRole/id[1]'],
    ]);
  });

  it.each(ENTRY_DEFECTS)('%s → %s (error) at its metadata element', async (name, rule, location) => {
    expect(await summary(fixture(`defects/${name}.zip`))).toEqual([[rule, 'error', location]]);
  });


  it('warns when INDEX.HTM is missing, nothing else', async () => {
    expect(await summary(fixture('defects/no-index.zip'))).toEqual([['xdm/layout', 'warning', 'INDEX.HTM']]);
  });

  it('states the computed and declared values, masking the INS of a patientId', async () => {
    const hash = (await validateXdmFile(fixture('defects/wrong-hash.zip'))).findings[0]!;
    expect(formatMessage(hash.rule, hash.args)).toBe(
      'Empreinte SHA-1 (slot hash) : déclarée 1469ae049f30f54d3906c9a87d388c3671bf753c, calculée 01ddb2f55a9c299bdf9c19c17933c880afd5c5f4 (hexadécimal en minuscules).',
    );
    const patient = (await validateXdmFile(fixture('defects/wrong-patient-id.zip'))).findings[0]!;
    expect(formatMessage(patient.rule, patient.args)).toBe(
      'DocumentEntry.patientId : attendu l’INS du CDA 28503••••••••79 sous la forme INS^^^&1.2.250.1.213.1.4.10&ISO^NH, trouvé 27903••••••••89^^^&1.2.250.1.213.1.4.10&ISO^NH.',
    );
  });

  it('runs the embedded CDA through the CDA validator, its findings prefixed with the entry name', async () => {
    const result = await validateXdmFile(fixture('defects/cda-ins-key.zip'));
    expect(result.findings.map((finding) => [finding.rule, finding.location, finding.line])).toEqual([
      ['ins/key', 'IHE_XDM/SUBSET01/DOC0001.XML:/ClinicalDocument/recordTarget/patientRole/id[1]', undefined],
    ]);
    expect(result.identities.map((identity) => identity.ins)).toEqual(['285036912304578']);
  });

  it('accepts a uniqueId written root^extension, and a creationTime at day precision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-xdm-'));
    const cda = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)), 'utf8').replace(
      '<id root="1.2.250.1.999.7.3.20240115.1"/>',
      '<id root="1.2.250.1.999.7.3" extension="20240115.1"/>',
    );
    const archive = writeZip(
      xdmEntries(Buffer.from(cda), (values) => Object.assign(values, { uniqueId: '1.2.250.1.999.7.3^20240115.1', creationTime: '20240115' })),
    );
    writeFileSync(join(dir, 'ok.zip'), archive);
    expect(await summary(join(dir, 'ok.zip'))).toEqual([]);
  });

  it('compares hash hex digits without regard to case (ITI TF-3 4.2.3.2.10)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-xdm-'));
    const document = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)));
    writeFileSync(join(dir, 'upper.zip'), writeZip(xdmEntries(document, (values) => void (values.hash = values.hash.toUpperCase()))));
    expect(await summary(join(dir, 'upper.zip'))).toEqual([]);
  });
});

describe('hostile XDM archives: refused before inflating', () => {
  it.each([
    ['dot-dot-entry', 'xdm/unsafe-entry-name', '../../evade.txt'],
    ['absolute-entry', 'xdm/unsafe-entry-name', '/etc/evade.txt'],
    ['zip-bomb-entry', 'xdm/entry-too-large', 'IHE_XDM/SUBSET01/BOMB.XML'],
    ['zip-bomb-total', 'xdm/too-large', null],
    ['too-many-entries', 'xdm/too-many-entries', null],
    ['not-a-zip', 'xdm/not-a-zip', null],
  ])('%s → only %s, decided on the central directory (no memory growth)', async (name, rule, location) => {
    const rssBefore = process.memoryUsage().rss;
    expect(await summary(fixture(`defects/${name}.zip`))).toEqual([[rule, 'error', location]]);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('names the limits it applied', async () => {
    const many = (await validateXdmFile(fixture('defects/too-many-entries.zip'))).findings[0]!;
    expect(many.args).toEqual({ count: 1005, max: 1000 });
    const bomb = (await validateXdmFile(fixture('defects/zip-bomb-entry.zip'))).findings[0]!;
    expect(bomb.args).toEqual({ entry: 'IHE_XDM/SUBSET01/BOMB.XML', sizeMb: 3072, maxMb: 64 });
  });

  it('stops an entry that inflates beyond its declared size (a lying central directory)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-xdm-'));
    const document = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)));
    const archive = validXdmArchive(document);
    // DOC0001.XML declares 100 bytes (local header and central directory) but inflates to more.
    const name = Buffer.from('IHE_XDM/SUBSET01/DOC0001.XML');
    for (let at = archive.indexOf(name); at >= 0; at = archive.indexOf(name, at + 1)) {
      const central = archive.readUInt32LE(at - 46) === 0x02014b50;
      archive.writeUInt32LE(100, central ? at - 46 + 24 : at - 30 + 22);
    }
    writeFileSync(join(dir, 'lying.zip'), archive);
    const findings = await summary(join(dir, 'lying.zip'));
    expect(findings).toEqual([['xdm/entry-unreadable', 'error', 'IHE_XDM/SUBSET01/DOC0001.XML']]);
  });

  it('refuses a METADATA.XML with a DOCTYPE without expanding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-xdm-'));
    const document = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)));
    const entries = xdmEntries(document).map((entry) =>
      entry.name.endsWith('METADATA.XML')
        ? { ...entry, data: Buffer.from(entry.data.toString().replace('<lcm:', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<lcm:')) }
        : entry,
    );
    writeFileSync(join(dir, 'doctype.zip'), writeZip(entries));
    const result = await validateXdmFile(join(dir, 'doctype.zip'));
    expect(result.findings.map((finding) => [finding.rule, finding.args, finding.location])).toEqual([['xds/doctype', {}, `${METADATA}:ligne 3`]]);
  });
});

describe('XDM rule registry and message codes', () => {
  const codes = [...XDM_RULES.map((rule) => rule.code), ...ARCHIVE_CODES, ...EVS_CODES, ...Object.keys(EVS_MATCH_CODES)];

  it('has unique codes, each with a French description and fr/en messages, and no message without a code', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of XDM_RULES) expect(rule.description.length, rule.code).toBeGreaterThan(10);
    for (const code of codes) {
      expect(catalogs.fr[code], `fr ${code}`).toBeTypeOf('string');
      expect(catalogs.en[code], `en ${code}`).toBeTypeOf('string');
    }
    const readProblems = READ_PROBLEMS.map((problem) => `evs/${problem}`);
    const ours = Object.keys(catalogs.fr).filter((code) => code.startsWith('xdm/') || code.startsWith('evs/'));
    expect(ours.sort()).toEqual([...codes, ...readProblems].sort());
  });

  it('has a defect archive in the table for every entry rule', () => {
    const tested = new Set(ENTRY_DEFECTS.map(([, rule]) => rule));
    for (const rule of XDM_RULES) expect(tested.has(rule.code), rule.code).toBe(true);
  });

  it('turns a rule that throws into a finding, the other rules still run', async () => {
    const broken = XDM_RULES[0]!;
    const original = broken.check;
    broken.check = () => {
      throw new Error('boom');
    };
    try {
      expect((await validateXdmFile(fixture('defects/wrong-size.zip'))).findings.map((finding) => [finding.rule, finding.args])).toEqual([
        ['xdm/rule-crashed', { rule: 'xdm/hash', detail: 'boom' }],
        ['xdm/size', { element: 'size', expected: '4397', found: '4398' }],
      ]);
    } finally {
      broken.check = original;
    }
  });
});

describe('HL7 time → XDS UTC', () => {
  it.each([
    ['20240115103000+0100', '20240115093000'],
    ['20240101003000+0200', '20231231223000'],
    ['202401151030-0500', '202401151530'],
    ['20240115', '20240115'],
    ['20240115103000', '20240115103000'],
    ['20240115103000.123+0000', '20240115103000'],
  ])('%s → %s', (value, utc) => {
    expect(toUtc(value)).toBe(utc);
  });
});
