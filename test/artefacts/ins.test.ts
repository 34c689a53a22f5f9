// INS number arithmetic, INS checks, INSi response validation and the cross-artefact identity check.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insKey, parseInsNumber } from '../../src/artefacts/ins/ins-number.js';
import { checkIns } from '../../src/artefacts/ins/check-ins.js';
import { validateInsiFile } from '../helpers/artefact-files.js';
import { findIdentityConflicts, type IdentitySource } from '../../src/artefacts/identity-consistency.js';import { formatMessage } from '../../src/messages/index.js';


const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/ins/${name}`, import.meta.url));
const INSACTIF = '/Envelope/Body/RESULTAT/INDIVIDU/INSACTIF';
const TIQ = '/Envelope/Body/RESULTAT/INDIVIDU/TIQ';

describe('INS key', () => {
  it.each([
    ['2790351215189', '89'],
    ['2850369123045', '79'],
    ['1090763220834', '89'],
    ['2210425456114', '83'],
  ])('key of %s is %s', (body, key) => {
    expect(insKey(body)).toBe(key);
  });

  it('computes Corsica keys with 2A = 20 − 1 and 2B = 20 − 2 at the department position (BigInt)', () => {
    const expected = (numeric: bigint) => (97n - (numeric % 97n)).toString().padStart(2, '0');
    expect(insKey('180012A004123')).toBe(expected(1800120004123n - 1_000_000n));
    expect(insKey('180012B004123')).toBe(expected(1800120004123n - 2_000_000n));
  });

  it.each([
    ['285036912304579', true],
    ['28503691230457', false], // 14 characters
    ['385036912304579', false], // sex digit
    ['285136912304579', false], // month 13
    ['285306912304579', true], // month 30: incomplete civil record
    ['285030012304579', false], // department 00
    ['18001' + '2A004123' + '00', true],
  ])('shape of %s accepted: %s', (value, ok) => {
    expect(parseInsNumber(value) !== undefined).toBe(ok);
  });
});

/** A 13-character body with its right key. */
const withKey = (body: string) => body + insKey(body);

describe('checkIns', () => {
  const at = { oid: '1.2.250.1.213.1.4.10', location: '/x' };
  const rules = (value: string, traits = {}, oid = at.oid) =>
    checkIns({ ...at, value, oid }, traits).map((finding) => `${finding.severity} ${finding.rule}`);

  it.each([
    ['a correct test INS with matching traits', '285036912304579', { sex: 'F', birthDate: '19850314', birthplace: '69123' }, at.oid, []],
    ['a wrong key', '285036912304578', {}, at.oid, ['error ins/key']],
    ['a bad shape', 'ABC', {}, at.oid, ['error ins/format']],
    ['the production OID', '285036912304579', {}, '1.2.250.1.213.1.4.8', ['info ins/production-oid']],
    ['an OID that is not an INS OID', '285036912304579', {}, '1.2.3.4', ['error ins/unknown-oid']],
    ['a NIA under a NIR OID', '785036912304523', {}, at.oid, ['error ins/nia-under-nir-oid']],
    ['a NIR under the NIA OID', '285036912304579', {}, '1.2.250.1.213.1.4.9', ['warning ins/nir-under-nia-oid']],
    ['another sex', '285036912304579', { sex: 'M' }, at.oid, ['warning ins/sex-mismatch']],
    ['an unknown sex (UN): no comparison', '285036912304579', { sex: 'UN' }, at.oid, []],
    ['another birth month', '285036912304579', { birthDate: '19850414' }, at.oid, ['warning ins/birth-date-mismatch']],
    ['another birthplace', '285036912304579', { birthplace: '75056' }, at.oid, ['warning ins/birthplace-mismatch']],
    // Corsica: department 20 until 1976, 2A/2B since, commune numbers kept (Ajaccio 20004 = 2A004).
    ['NIR 20, birthplace 2A (same commune)', withKey('2700320004123'), { birthplace: '2A004' }, at.oid, []],
    ['NIR 20, birthplace 2B (same commune)', withKey('2700320033123'), { birthplace: '2B033' }, at.oid, []],
    ['NIR 2A, birthplace 20 (same commune)', withKey('180012A004123'), { birthplace: '20004' }, at.oid, []],
    ['NIR 20, birthplace 2A (another commune)', withKey('2700320004123'), { birthplace: '2A005' }, at.oid, ['warning ins/birthplace-mismatch']],
    ['NIR 2A, birthplace 2B', withKey('180012A004123'), { birthplace: '2B004' }, at.oid, ['warning ins/birthplace-mismatch']],
    // Born in Algeria before 1962: NIR department 91–94, birthplace the country code of Algeria.
    ['NIR 91, birthplace Algeria', withKey('1550191352123'), { birthplace: '99352' }, at.oid, []],
    ['NIR 94, birthplace Algeria', withKey('2550194012123'), { birthplace: '99352' }, at.oid, []],
    ['NIR 92, birthplace Morocco', withKey('1550192352123'), { birthplace: '99350' }, at.oid, ['warning ins/birthplace-mismatch']],
    ['NIR 99 352, birthplace Algeria', withKey('1650199352123'), { birthplace: '99352' }, at.oid, []],
    ['NIR 93, born 1962 (before independence), birthplace Algeria', withKey('1620793352123'), { birthDate: '19620701', birthplace: '99352' }, at.oid, []],
    // 91–94 are Île-de-France departments since 1968: born there later, Algeria is another place.
    ['NIR 91 born 1985 (Essonne), birthplace Algeria', withKey('1850191228123'), { birthplace: '99352' }, at.oid, ['warning ins/birthplace-mismatch']],
    ['NIR 93 born 2005 (Seine-Saint-Denis), birthplace Algeria', withKey('2050393066123'), { birthDate: '20050312', birthplace: '99352' }, at.oid, ['warning ins/birthplace-mismatch']],
    ['NIR 92 born 1963, birthplace Algeria', withKey('1630192352123'), { birthplace: '99352' }, at.oid, ['warning ins/birthplace-mismatch']],
  ])('%s', (_name, value, traits, oid, expected) => {
    expect(rules(value, traits, oid)).toEqual(expected);
  });

  it('names the expected key', () => {
    expect(checkIns({ ...at, value: '285036912304578' }, {})[0]!.args).toEqual({ ins: '285036912304578', key: '78', expectedKey: '79' });
  });
});

describe('INSi responses (fixtures/ins)', () => {
  const summary = (name: string) =>
    validateInsiFile(fixture(name)).findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.location}`);

  it('reads the valid response: only the production OID note, and the identity', () => {
    const result = validateInsiFile(fixture('insi-valid.xml'));
    expect(summary('insi-valid.xml')).toEqual([`info ins/production-oid ${INSACTIF}`]);
    expect(result.identities).toEqual([
      {
        ins: '285036912304579',
        oid: '1.2.250.1.213.1.4.8',
        birthFamilyName: 'MARTINEAU-ESSAI',
        firstBirthGivenName: 'CAMILLE',
        sex: 'F',
        birthDate: '19850314',
        birthplace: '69123',
        location: INSACTIF,
      },
    ]);
  });

  it('takes the first given name from ListePrenom when Prenom is absent', () => {
    expect(validateInsiFile(fixture('insi-no-prenom.xml')).identities[0]?.firstBirthGivenName).toBe('CAMILLE');
  });

  it('reads former numbers (INSHISTO) into the identity, checking their key', () => {
    const result = validateInsiFile(fixture('insi-with-history.xml'));
    expect(result.findings.map((finding) => finding.rule)).toEqual(['ins/production-oid']);
    expect(result.identities[0]?.historicalIns).toEqual(['285036912399995']);
    const wrong = join(mkdtempSync(join(tmpdir(), 'segur-insi-')), 'history-key.xml');
    writeFileSync(wrong, readFileSync(fixture('insi-with-history.xml'), 'utf8').replace('<Cle>95</Cle>', '<Cle>94</Cle>'));
    expect(validateInsiFile(wrong).findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.location}`)).toEqual([
      `info ins/production-oid ${INSACTIF}`,
      'error ins/key /Envelope/Body/RESULTAT/INDIVIDU/INSHISTO',
    ]);
  });

  it.each([
    ['cr-not-found', ['warning insi/code-cr /Envelope/Body/RESULTAT/CR/CodeCR']],
    ['no-ins-actif', ['error insi/no-ins-actif /Envelope/Body/RESULTAT/INDIVIDU']],
    ['ins-key', [`error ins/key ${INSACTIF}`, `info ins/production-oid ${INSACTIF}`]],
    ['unknown-oid', [`error ins/unknown-oid ${INSACTIF}`]],
    ['tiq-sex', [`error insi/tiq ${TIQ}/Sexe`, `info ins/production-oid ${INSACTIF}`]],
    ['tiq-birth-date', [`error insi/tiq ${TIQ}/DateNaissance`, `info ins/production-oid ${INSACTIF}`]],
    ['tiq-missing-name', [`error insi/tiq ${TIQ}/NomNaissance`, `info ins/production-oid ${INSACTIF}`]],
    ['not-insi', ['error insi/not-insi /Envelope']],
    ['doctype', ['error insi/doctype ligne 2']],
  ])('defect %s', (name, expected) => {
    expect(summary(`defects/${name}.xml`).sort()).toEqual([...expected].sort());
  });
});

describe('findIdentityConflicts', () => {
  const identity = { ins: '285036912304579', oid: '1.2.250.1.213.1.4.10', birthFamilyName: 'MARTINEAU-ESSAI', firstBirthGivenName: 'CAMILLE', sex: 'F', birthDate: '19850314', birthplace: '69123' };
  const source = (artefact: number, changes = {}): IdentitySource => ({
    artefact,
    displayPath: `proofs/f${artefact}.xml`,
    identity: { ...identity, ...changes },
  });

  it('finds nothing when traits agree (names compared without case or accents)', () => {
    expect(findIdentityConflicts([source(0), source(1, { birthFamilyName: 'Martineau-Essai', oid: '1.2.250.1.213.1.4.8' })])).toEqual([]);
  });

  it('reports one error per INS on the artefact that strays, naming every file and the differing traits', () => {
    const conflicts = findIdentityConflicts([source(0), source(1, { birthFamilyName: 'DURAND' }), source(2), source(3), source(4, { ins: '185036912304518' })]);
    expect(conflicts).toEqual([
      {
        artefact: 1,
        finding: {
          rule: 'ins/identity-conflict',
          severity: 'error',
          args: {
            ins: identity.ins,
            files: 4,
            differences: "family[@qualifier='BR'] / NomNaissance = MARTINEAU-ESSAI (proofs/f0.xml, proofs/f2.xml, proofs/f3.xml) ≠ DURAND (proofs/f1.xml)",
          },
          location: undefined,
        },
      },
    ]);
  });

  it('attaches the finding to every artefact when no value has a majority, and counts files past three', () => {
    const tie = findIdentityConflicts([source(0), source(1, { sex: 'M', birthDate: '19850315' })]);
    expect(tie.map((conflict) => conflict.artefact)).toEqual([0, 1]);
    expect(tie[0]!.finding.args.differences).toBe(
      'administrativeGenderCode / Sexe = F (proofs/f0.xml) ≠ M (proofs/f1.xml) ; birthTime / DateNaissance = 19850314 (proofs/f0.xml) ≠ 19850315 (proofs/f1.xml)',
    );
    const many = findIdentityConflicts([...Array.from({ length: 6 }, (_, index) => source(index)), source(6, { sex: 'M' })]);
    expect(many.map((conflict) => conflict.artefact)).toEqual([6]);
    expect(many[0]!.finding.args.differences).toBe('administrativeGenderCode / Sexe = F (proofs/f0.xml, proofs/f1.xml, proofs/f2.xml +3) ≠ M (proofs/f6.xml)');
    expect(formatMessage('ins/identity-conflict', many[0]!.finding.args)).toBe(
      'L’INS 28503••••••••79 n’a pas les mêmes traits dans les 7 fichiers qui le portent — administrativeGenderCode / Sexe = F (proofs/f0.xml, proofs/f1.xml, proofs/f2.xml +3) ≠ M (proofs/f6.xml). Le fichier qui s’écarte des autres concerne sans doute un autre patient.',
    );
  });

  it('takes a Corsican birthplace written with the code of before 1976 as the same place', () => {
    expect(findIdentityConflicts([source(0, { birthplace: '2A004' }), source(1, { birthplace: '20004' })])).toEqual([]);
    expect(findIdentityConflicts([source(0, { birthplace: '2A004' }), source(1, { birthplace: '20005' })])).toHaveLength(2);
  });

  it('warns on an artefact still using an INS another lists as former (INSHISTO)', () => {
    const conflicts = findIdentityConflicts([
      source(0, { ins: '285036912399995' }),
      source(1, { historicalIns: ['285036912399995'] }),
    ]);
    expect(conflicts).toEqual([
      {
        artefact: 0,
        finding: {
          rule: 'ins/historical-ins',
          severity: 'warning',
          args: { ins: '285036912399995', otherIns: identity.ins, otherFile: 'proofs/f1.xml' },
          location: undefined,
        },
      },
    ]);
  });

  it('ignores traits one side does not state', () => {
    expect(findIdentityConflicts([source(0), source(1, { birthplace: undefined, sex: undefined })])).toEqual([]);
  });
});
