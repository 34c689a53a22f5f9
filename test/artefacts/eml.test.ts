// The MSSanté message validator as a whole: the committed fixtures (valid ones clean, each defect
// with exactly its code), the limits checked before any body is decoded, the facts handed to the
// engine (documents, identities and message facts located under the attachment), and the strict
// decoders it is built on (headers, parameters, dates, addresses).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { validateEmlBytes } from '../../src/artefacts/eml/validator.js';
import { buildFacts } from '../../src/artefacts/eml/facts.js';
import { splitMessage } from '../../src/artefacts/eml/split-message.js';
import { EML_LIMITS, EML_XDM_LIMITS } from '../../src/artefacts/eml/limits.js';
import { XDM_LIMITS } from '../../src/artefacts/xdm/open-archive.js';
import { documentsArchive } from '../../scripts/fixtures/hostile-inputs.js';
import { messageWithArchives } from '../../scripts/fixtures/eml.js';
import { projectRoot } from '../helpers/cli.js';
import { decodeWords, headerText } from '../../src/artefacts/eml/header-text.js';
import { parseParams } from '../../src/artefacts/eml/header-params.js';
import { dateProblem, isMessageId } from '../../src/artefacts/eml/header-formats.js';
import { parseAddressList } from '../../src/artefacts/eml/addresses.js';
import { formatMessage } from '../../src/messages/index.js';
import { EML_DEFECTS as DEFECTS, emlFixture, mail } from '../helpers/eml.js';

const validate = (name: string) => validateEmlBytes(readFileSync(emlFixture(name)));
const codes = async (name: string) => (await validate(name)).findings.map((finding) => `${finding.rule}:${finding.severity}`);


describe('eml validator on the fixtures', () => {
  it.each(['valid-professional.eml', 'valid-patient.eml', 'valid-text-only.eml'])('%s is clean', async (name) => {
    expect(await codes(name)).toEqual([]);
  });

  it('has a fixture for each defect listed, and no other', () => {
    expect(readdirSync(emlFixture('defects')).sort()).toEqual(Object.keys(DEFECTS).sort());
  });

  it.each(Object.entries(DEFECTS))('defects/%s → %s', async (name, code) => {
    expect(await codes(`defects/${name}`)).toEqual([code]);
  });

  it('locates the findings of an attached archive under the attachment name', async () => {
    const [finding] = (await validate('defects/xdm-wrong-hash.eml')).findings;
    expect(finding!.location).toBe("IHE_XDM.ZIP:IHE_XDM/SUBSET01/METADATA.XML:/SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject/Slot[@name='hash']");
  });

  it('hands the engine the documents, identities and message facts, located in the message', async () => {
    const result = await validate('valid-patient.eml');
    expect(result.message).toEqual({ attachments: 1, xdmArchives: 1, nil: 'ESSAI-000417' });
    expect(result.documents).toEqual([
      {
        id: '1.2.250.1.999.7.3.20240115.1',
        setId: '1.2.250.1.999.7.3.20240115',
        title: 'Compte rendu de consultation d’essai',
        code: '11488-4',
        sha256: 'd465c72b7a8db29adde1aca9514eb56a11302a25fe36f17c7bee7332eb4269dc',
        textSha256: '1789d83b83762def9a53943282e21dc5e03098203f1831fd1e759d7d25147560',
        location: 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML',
      },
    ]);
    expect(result.identities.map((identity) => [identity.ins, identity.location])).toEqual([
      ['285036912304579', 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML:/ClinicalDocument/recordTarget/patientRole/id[1]'],
    ]);
    expect((await validate('valid-text-only.eml')).message).toEqual({ attachments: 0, xdmArchives: 0, nil: 'ESSAI-000417' });
  });

  it('masks the INS of a patient mailbox in messages unless asked', async () => {
    const [finding] = (await validate('defects/patient-address-other-ins.eml')).findings;
    expect(formatMessage(finding!.rule, finding!.args)).toBe(
      'Le message est adressé à la messagerie patient de l’INS 27903••••••••89 (To) mais les documents joints portent l’INS 28503••••••••79 : il n’est pas adressé au patient de ses documents.',
    );
    expect(formatMessage(finding!.rule, finding!.args, { revealIdentifiers: true })).toContain('l’INS 279035121518989 (To)');
    expect(finding!.location).toBe('To');
  });
});

describe('eml limits, checked before any body is decoded', () => {
  it.each([
    ['hostile/nesting-10000.eml', { rule: 'eml/too-deep', severity: 'error', args: { max: EML_LIMITS.maxDepth } }],
    ['hostile/parts-10000.eml', { rule: 'eml/too-many-parts', severity: 'error', args: { max: EML_LIMITS.maxParts } }],
  ])('%s is refused, nothing else read', async (name, finding) => {
    expect(await validate(name)).toEqual({ findings: [finding], identities: [] });
  });

  it('refuses the base64 of a zip bomb on the archive directory, located under the attachment', async () => {
    const result = await validate('hostile/zip-bomb.eml');
    expect(result.findings).toEqual([
      { rule: 'xdm/entry-too-large', severity: 'error', args: { entry: 'IHE_XDM/SUBSET01/BOMB.XML', sizeMb: 128, maxMb: 64 }, location: 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/BOMB.XML' },
    ]);
    expect(result.message).toEqual({ attachments: 1, xdmArchives: 1, nil: 'ESSAI-000417' });
  });

  it('counts parts, nesting and header bytes with the limits given', async () => {
    const limits = { maxParts: 3, maxDepth: 1, maxHeaderBytes: 2048 };
    const parts = (count: number) => mail(['Content-Type: multipart/mixed; boundary=b'], Array.from({ length: count }, (_, n) => `--b\r\nContent-Type: text/plain\r\n\r\n${n}\r\n`).join('') + '--b--\r\n');
    expect((await validateEmlBytes(parts(2), limits)).findings.map((finding) => finding.rule)).toEqual([]);
    expect((await validateEmlBytes(parts(3), limits)).findings).toEqual([{ rule: 'eml/too-many-parts', severity: 'error', args: { max: 3 } }]);
    const nested = mail(['Content-Type: multipart/mixed; boundary=a'], '--a\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n--a--\r\n');
    expect((await validateEmlBytes(nested, limits)).findings).toEqual([{ rule: 'eml/too-deep', severity: 'error', args: { max: 1 } }]);
    const longHeader = mail(['Content-Type: text/plain', ...Array.from({ length: 40 }, (_, n) => `X-Essai-${n}: ${'x'.repeat(60)}`)]);
    expect((await validateEmlBytes(longHeader, limits)).findings).toEqual([{ rule: 'eml/header-too-large', severity: 'error', args: { maxKb: 2 } }]);
  });

  // What sniffing recognises as a message (bundle/sniff.ts: a BOM, UTF-16) the validator reads as one:
  // a message re-saved by a text editor is checked, its re-saving said once.
  it.each<[string, (bytes: Buffer) => Buffer, string]>([
    ['a UTF-8 byte order mark', (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'BOM UTF-8'],
    ['UTF-16LE with a BOM (PowerShell Out-File)', (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('latin1'), 'utf16le')]), 'UTF-16LE'],
    ['UTF-16BE with a BOM', (bytes) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(bytes.toString('latin1'), 'utf16le').swap16()]), 'UTF-16BE'],
    ['UTF-16LE without a BOM', (bytes) => Buffer.from(bytes.toString('latin1'), 'utf16le'), 'UTF-16LE'],
  ])('reads a message re-saved with %s, and says so', async (_name, resave, saved) => {
    const original = readFileSync(emlFixture('valid-patient.eml'));
    const clean = await validateEmlBytes(original);
    const result = await validateEmlBytes(resave(original));
    expect(result).toEqual({ ...clean, findings: [{ rule: 'eml/saved-as-text', severity: 'warning', args: { saved } }, ...clean.findings] });
    expect(formatMessage('eml/saved-as-text', { saved })).toContain(saved);
  });

  it('refuses a file that does not start with a header field', async () => {
    expect(await validateEmlBytes(Buffer.from('%PDF-1.4\n'))).toEqual({ findings: [{ rule: 'eml/not-a-message', severity: 'error', args: {} }], identities: [] });
    expect(await validateEmlBytes(Buffer.alloc(0))).toEqual({ findings: [{ rule: 'eml/not-a-message', severity: 'error', args: {} }], identities: [] });
  });
});

describe('bytes inflated from all the archives of one message', () => {
  const MB = 1024 * 1024;
  // Each archive alone fits its own budget (floor 1 MB); together they do not fit the message's.
  const small = { archive: { ...XDM_LIMITS, inflationRatio: 4, minInflationBytes: 1 * MB }, inflationRatio: 4, minInflationBytes: 1 * MB, maxInflationBytes: 8 * MB };
  const budgetFindings = (findings: { rule: string; severity: string; args: unknown; location?: string }[]) =>
    findings.filter((finding) => /budget/.test(finding.rule)).map((finding) => [finding.rule, finding.severity, finding.args, finding.location]);

  it('is 32 times the message, 32 MB at least and 256 MB at most, by default, each archive within its own', () => {
    expect(EML_XDM_LIMITS).toEqual({ archive: XDM_LIMITS, inflationRatio: 32, minInflationBytes: 32 * MB, maxInflationBytes: 256 * MB });
  });

  it('stops at the entry where the message budget runs out, said once; later archives are not read', async () => {
    const archive = documentsArchive([{ name: 'P0.PDF', data: Buffer.alloc(600 * 1024) }]);
    const message = messageWithArchives(projectRoot, [archive, archive, archive]);
    const result = await validateEmlBytes(message, EML_LIMITS, small);
    const args = (entry: string) => ({ entry, budgetMb: 1, messageKb: Math.ceil(message.length / 1024) });
    expect(budgetFindings(result.findings)).toEqual([
      ['eml/xdm-budget', 'error', args('IHE_XDM/SUBSET01/P0.PDF'), 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/P0.PDF'],
    ]);
    const split = await splitMessage(message, EML_LIMITS);
    if (split.status !== 'ok') throw new Error('message refused');
    const facts = await buildFacts(split.parts, message.length, small);
    expect(facts.xdm.map((archive) => [archive.outcome.sharedBudgetSpentAt, archive.complete])).toEqual([
      [undefined, true],
      ['IHE_XDM/SUBSET01/P0.PDF', false],
      ['IHE_XDM/SUBSET01/METADATA.XML', false],
    ]);
    expect(facts.documentsComplete).toBe(false);
  });

  it('reads every archive when the message holds their bytes', async () => {
    const archive = documentsArchive([{ name: 'P0.PDF', data: Buffer.alloc(300 * 1024) }]);
    const result = await validateEmlBytes(messageWithArchives(projectRoot, [archive, archive, archive]), EML_LIMITS, small);
    expect(budgetFindings(result.findings)).toEqual([]);
  });

  it('names the archive budget when one archive alone inflates beyond its own', async () => {
    const archive = documentsArchive([{ name: 'P0.PDF', data: Buffer.alloc(2 * MB) }]);
    const message = messageWithArchives(projectRoot, [archive]);
    const result = await validateEmlBytes(message, EML_LIMITS, { ...small, minInflationBytes: 8 * MB });
    expect(budgetFindings(result.findings)).toEqual([
      ['xdm/inflation-budget', 'error', { entry: 'IHE_XDM/SUBSET01/P0.PDF', budgetMb: 1, archiveKb: Math.ceil(archive.length / 1024) }, 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/P0.PDF'],
    ]);
  });
});

describe('strict header decoding', () => {
  it.each([
    ['=?UTF-8?Q?caf=C3=A9_cr=C3=A8me?=', { ok: true, text: 'café crème' }],
    ['=?utf-8?B?Y2Fmw6k=?= =?utf-8?B?IGNyw6htZQ==?=', { ok: true, text: 'café crème' }],
    ['=?ISO-8859-1?Q?caf=E9?= noir', { ok: true, text: 'café noir' }],
    ['=?utf-8*fr?Q?caf=C3=A9?=', { ok: true, text: 'café' }],
    ['=?utf-8?Q?caf=E9?=', { ok: false, problem: { kind: 'invalid-bytes', charset: 'utf-8', offset: 3 } }],
    ['=?x-unknown?Q?a?=', { ok: false, problem: { kind: 'unknown-charset', charset: 'x-unknown' } }],
    ['pas un =?mot encodé', { ok: true, text: 'pas un =?mot encodé' }],
  ])('%s', (text, expected) => {
    expect(decodeWords(text)).toEqual(expected);
  });

  it('reads raw header bytes as UTF-8, never as a guess', () => {
    expect(headerText(Buffer.from('Résultats').toString('latin1'))).toEqual({ ok: true, text: 'Résultats' });
    expect(headerText('R\xe9sultats')).toEqual({ ok: false, problem: { kind: 'invalid-bytes', charset: 'UTF-8', offset: 1 } });
  });

  it('reads parameters with RFC 2231 charsets and continuations, quoted strings and comments', () => {
    expect(parseParams('application/zip; name="IHE_XDM.ZIP" (archive)')).toEqual({ value: 'application/zip', params: new Map([['name', 'IHE_XDM.ZIP']]) });
    expect(parseParams("attachment; filename*0*=utf-8''compte%20rendu; filename*1=\"_essai.pdf\"").params.get('filename')).toBe('compte rendu_essai.pdf');
    expect(parseParams('attachment; filename="=?utf-8?Q?r=C3=A9sultat.pdf?="').params.get('filename')).toBe('résultat.pdf');
    expect(parseParams("attachment; filename*=x-inconnu''a.pdf")).toEqual({ value: 'attachment', params: new Map(), problem: { kind: 'unknown-charset', charset: 'x-inconnu' } });
    expect(parseParams('text/plain; charset="utf-8"; format=flowed').params).toEqual(new Map([['charset', 'utf-8'], ['format', 'flowed']]));
  });

  it.each([
    ['Mon, 15 Jan 2024 10:35:00 +0100', undefined],
    ['15 Jan 24 10:35 EST', undefined],
    ['Mon, 15 Jan 2024 10:35:60 +0100', undefined],
    ['Mon, 15 Jan 2024 24:00:00 +0100', 'calendar'],
    ['Mon, 15 Jan 2024 10:35:00 +0160', 'calendar'],
    ['Mon, 15 Jan 2024 10:35:00', 'syntax'],
    ['lundi 15 janvier 2024', 'syntax'],
  ])('date %s → %s', (value, problem) => {
    expect(dateProblem(value)).toBe(problem);
  });

  it('tells message ids', () => {
    expect(isMessageId('<a.b@c.d>')).toBe(true);
    expect(isMessageId(' <a@[1.2.3.4]> (commentaire)')).toBe(true);
    expect(isMessageId('<a b@c>')).toBe(false);
    expect(isMessageId('<@c>')).toBe(false);
  });

  it('parses address lists by the RFC 5322 grammar', () => {
    expect(parseAddressList('"Essai, Paul" <paul@a.fr>, claire@b.fr (Claire), Groupe: x@c.fr;')).toEqual({
      ok: true,
      mailboxes: [
        { address: 'paul@a.fr', localPart: 'paul', domain: 'a.fr', name: 'Essai, Paul' },
        { address: 'claire@b.fr', localPart: 'claire', domain: 'b.fr' },
        { address: 'x@c.fr', localPart: 'x', domain: 'c.fr' },
      ],
    });
    expect(parseAddressList('Dr. Paul Essai <paul@a.fr>').ok).toBe(true);
    expect(parseAddressList('"quoted local"@a.fr')).toEqual({ ok: true, mailboxes: [{ address: '"quoted local"@a.fr', localPart: '"quoted local"', domain: 'a.fr' }] });
    expect(parseAddressList('paul@a..fr')).toEqual({ ok: false, segment: 'paul@a..fr' });
    expect(parseAddressList('paul@a.fr, "non fermé <c@d.fr>')).toEqual({ ok: false, segment: 'paul@a.fr, "non fermé <c@d.fr>' });
    expect(parseAddressList('Groupe: a@b.fr')).toEqual({ ok: false, segment: 'Groupe: a@b.fr' });
  });
});
