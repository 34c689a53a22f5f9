// The volet selection rules (src/cisis/select/volet-table.ts), one case each. The table as a whole
// is checked against ANS's 94 examples in examples.test.ts.
import { describe, expect, it } from 'vitest';
import { declaredVolets } from '../../src/cisis/select/declared-volets.js';
import { selectVolet, type HeaderFacts } from '../../src/cisis/select/select-volet.js';

const CISIS = '1.2.250.1.213.1.1.1';
const facts = (templateIds: HeaderFacts['templateIds'], extra: Partial<HeaderFacts> = {}): HeaderFacts => ({ templateIds, level: 3, ...extra });

describe('selectVolet', () => {
  it.each([
    ['a templateId naming a single-version volet', facts([{ root: `${CISIS}.38` }]), 'TLM-DA_2022.01'],
    ['the @extension names the version', facts([{ root: `${CISIS}.5.1`, extension: '2024.01' }]), 'CSE-CS8_2024.01'],
    ['no @extension: the family’s fallback (its oldest version)', facts([{ root: `${CISIS}.5.1` }]), 'CSE-CS8_2022.01'],
    ['VSM 1.4 by its extension 201310', facts([{ root: `${CISIS}.13`, extension: '201310' }], { code: 'SYNTH' }), 'VSM_1.4_2022.01'],
    ['VSM 2023.01 by its extension', facts([{ root: `${CISIS}.13`, extension: '2023.01' }], { code: 'SYNTH' }), 'VSM_2023.01'],
    ['VSM’s templateId with another document code (ANS’s content-model document): no volet', facts([{ root: `${CISIS}.13` }], { code: '60591-5' }), undefined],
    ['BIO without extension but with a PDF-copy section: 2024.01', facts([{ root: `${CISIS}.55` }], { hasTemplateId: (root) => root === '1.2.250.1.213.1.1.2.243' }), 'BIO-CR-BIO_2024.01'],
    ['BIO without extension nor PDF-copy section: 2021.01', facts([{ root: `${CISIS}.55` }], { hasTemplateId: () => false }), 'BIO-CR-BIO_2021.01'],
    ['TLM-CR needs its document code (its templateId is IHE XDS-SD’s)', facts([{ root: '1.3.6.1.4.1.19376.1.2.20' }], { code: '85208-7', level: 1 }), 'TLM-CR_2022.01'],
    ['any other level-1 document with XDS-SD: no volet', facts([{ root: '1.3.6.1.4.1.19376.1.2.20' }], { code: '11502-2', level: 1 }), undefined],
    ['a level-1 document with a level-3 volet’s templateId: no volet', facts([{ root: `${CISIS}.45` }], { level: 1 }), undefined],
    ['no known templateId: no volet', facts([{ root: '1.2.3' }]), undefined],
  ])('%s', (_name, input, volet) => {
    expect(selectVolet(input).volet).toBe(volet);
  });

  it('says why no volet applies', () => {
    expect(selectVolet(facts([{ root: `${CISIS}.45` }], { level: 1 })).reason).toBe('level1');
    expect(selectVolet(facts([])).reason).toBe('no-volet');
  });

  it('--volet first; then the header, which the document’s declaration only completes', () => {
    const header = facts([{ root: `${CISIS}.5.1`, extension: '2024.01' }], { declared: ['CSE-CS8_2025.01'] });
    const tree = new Set(['CSE-CS8_2022.01', 'CSE-CS8_2024.01', 'CSE-CS8_2025.01', 'VSM_2023.01']);
    expect(selectVolet(header, 'CSE-CS8_2022.01', tree)).toEqual({ volet: 'CSE-CS8_2022.01', reason: 'forced' });
    // The header names its version (@extension): a declaration naming another one (an Oxygen line
    // left from the example the document was written from) does not replace it, and is said.
    expect(selectVolet(header, undefined, tree)).toEqual({
      volet: 'CSE-CS8_2024.01',
      reason: 'templateId',
      templateId: `${CISIS}.5.1`,
      extension: '2024.01',
      declaredIgnored: 'CSE-CS8_2025.01',
    });
    // A declaration naming the header's own volet changes nothing.
    expect(selectVolet({ ...header, declared: ['CSE-CS8_2024.01'] }, undefined, tree)).toEqual({ volet: 'CSE-CS8_2024.01', reason: 'templateId', templateId: `${CISIS}.5.1`, extension: '2024.01' });
    // A declaration of another document type never replaces the header's type.
    expect(selectVolet({ ...facts([{ root: `${CISIS}.5.1` }]), declared: ['VSM_2023.01'] }, undefined, tree)).toEqual({
      volet: 'CSE-CS8_2022.01',
      reason: 'templateId',
      templateId: `${CISIS}.5.1`,
      declaredIgnored: 'VSM_2023.01',
    });
    // Without a version in the header, a declaration of the same family names it (instead of the
    // fallback or the body probe).
    expect(selectVolet({ ...facts([{ root: `${CISIS}.5.1` }]), declared: ['CSE-CS8_2025.01'] }, undefined, tree)).toEqual({ volet: 'CSE-CS8_2025.01', reason: 'declared' });
    expect(selectVolet({ ...facts([{ root: `${CISIS}.13` }], { code: 'SYNTH' }), declared: ['VSM_2023.01'] }, undefined, tree)).toEqual({ volet: 'VSM_2023.01', reason: 'declared' });
    // No volet from the header: the declaration is run (the volet's own rules then check the header).
    expect(selectVolet({ ...facts([{ root: '1.2.3' }]), declared: ['VSM_2023.01'] }, undefined, tree)).toEqual({ volet: 'VSM_2023.01', reason: 'declared' });
    // A declared volet the tree lacks is not a choice.
    expect(selectVolet({ ...facts([{ root: `${CISIS}.5.1` }]), declared: ['CSE-CS8_2025.01'] }, undefined, new Set(['CSE-CS8_2022.01']))).toEqual({ volet: 'CSE-CS8_2022.01', reason: 'templateId', templateId: `${CISIS}.5.1` });
  });
});

// A document must not get a more lenient judgement (an older version's rules, or none) by altering
// its header: each variant below names the volet that runs and the note the report carries.
describe('selectVolet on altered headers', () => {
  const sdm = (extension?: string) => facts([{ root: `${CISIS}.30`, ...(extension !== undefined ? { extension } : {}) }], { code: '34133-9' });
  it.each([
    // The templateIds name one family: it runs whatever the code (its own rules judge the code).
    ['VSM 1.4 with another J07 code', facts([{ root: `${CISIS}.13`, extension: '201310' }], { code: '34133-9' }), { volet: 'VSM_1.4_2022.01', reason: 'templateId', templateId: `${CISIS}.13`, extension: '201310' }],
    ['VSM without extension, another code', facts([{ root: `${CISIS}.13` }], { code: '34133-9' }), { volet: 'VSM_1.4_2022.01', reason: 'templateId', templateId: `${CISIS}.13` }],
    ['VSM without code', facts([{ root: `${CISIS}.13`, extension: '2023.01' }]), { volet: 'VSM_2023.01', reason: 'templateId', templateId: `${CISIS}.13`, extension: '2023.01' }],
    ['VSM 2023.01 coded 60591-5 (the extension names the volet)', facts([{ root: `${CISIS}.13`, extension: '2023.01' }], { code: '60591-5' }), { volet: 'VSM_2023.01', reason: 'templateId', templateId: `${CISIS}.13`, extension: '2023.01' }],
    // ANS's « Modèles de contenus » document: VSM's templateId, no extension, code 60591-5.
    ['ANS’s content-model document', facts([{ root: `${CISIS}.1` }, { root: `${CISIS}.13` }], { code: '60591-5' }), { reason: 'known-document', templateId: `${CISIS}.13`, code: '60591-5', document: 'Modèles de contenus CDA' }],
    // An @extension naming no known version: the newest version, and a warning.
    ['SDM-MR 2024.1', sdm('2024.1'), { volet: 'SDM-MR_2024.01', reason: 'templateId', templateId: `${CISIS}.30`, extension: '2024.1', unknownExtension: true }],
    ['SDM-MR "2024.01 "', sdm('2024.01 '), { volet: 'SDM-MR_2024.01', reason: 'templateId', templateId: `${CISIS}.30`, extension: '2024.01 ', unknownExtension: true }],
    ['SDM-MR 2024-01', sdm('2024-01'), { volet: 'SDM-MR_2024.01', reason: 'templateId', templateId: `${CISIS}.30`, extension: '2024-01', unknownExtension: true }],
    ['SDM-MR empty extension', sdm(''), { volet: 'SDM-MR_2024.01', reason: 'templateId', templateId: `${CISIS}.30`, extension: '', unknownExtension: true }],
    ['VSM unknown extension', facts([{ root: `${CISIS}.13`, extension: '2099.01' }], { code: 'SYNTH' }), { volet: 'VSM_2023.01', reason: 'templateId', templateId: `${CISIS}.13`, extension: '2099.01', unknownExtension: true }],
    ['BIO unknown extension (no probe)', facts([{ root: `${CISIS}.55`, extension: '2022.01' }], { hasTemplateId: () => false }), { volet: 'BIO-CR-BIO_2024.01', reason: 'templateId', templateId: `${CISIS}.55`, extension: '2022.01', unknownExtension: true }],
    ['eP-MED-DM unknown extension', facts([{ root: `${CISIS}.39`, extension: 'v3' }]), { volet: 'EP-MED-DM_2024.01', reason: 'templateId', templateId: `${CISIS}.39`, extension: 'v3', unknownExtension: true }],
    ['CSE-CS8 unknown extension', facts([{ root: `${CISIS}.5.1`, extension: '2026.01' }]), { volet: 'CSE-CS8_2025.01', reason: 'templateId', templateId: `${CISIS}.5.1`, extension: '2026.01', unknownExtension: true }],
    ['single-version volet, unknown extension', facts([{ root: `${CISIS}.38`, extension: '2021.01' }]), { volet: 'TLM-DA_2022.01', reason: 'templateId', templateId: `${CISIS}.38`, extension: '2021.01', unknownExtension: true }],
    // Absent extension: the documented probe and fallback.
    ['SDM-MR without extension: its fallback', sdm(), { volet: 'SDM-MR_2022.01', reason: 'templateId', templateId: `${CISIS}.30` }],
    // Several families named: no volet picked on a guess.
    ['CS8 and CS9 templateIds', facts([{ root: `${CISIS}.5.1`, extension: '2024.01' }, { root: `${CISIS}.5.2`, extension: '2024.01' }], { code: 'CERT_DECL' }), { reason: 'ambiguous', candidates: ['CSE-CS8', 'CSE-CS9'] }],
    ['BIO and ANEST templateIds', facts([{ root: `${CISIS}.55`, extension: '2024.01' }, { root: `${CISIS}.40` }], { code: '11502-2' }), { reason: 'ambiguous', candidates: ['ANEST-CR-ANEST', 'BIO-CR-BIO'] }],
    // …unless the document code names exactly one of them.
    ['VSM and TLM-DA templateIds, code SYNTH', facts([{ root: `${CISIS}.13`, extension: '2023.01' }, { root: `${CISIS}.38` }], { code: 'SYNTH' }), { volet: 'VSM_2023.01', reason: 'templateId', templateId: `${CISIS}.13`, extension: '2023.01' }],
    // TLM-CR's templateId is IHE XDS-SD's: beside a volet's own, it names nothing.
    ['IMG-CR-IMG level 3 with XDS-SD', facts([{ root: '1.3.6.1.4.1.19376.1.2.20' }, { root: `${CISIS}.45`, extension: '2024.01' }], { code: '18748-4' }), { volet: 'IMG-CR-IMG_2024.01', reason: 'templateId', templateId: `${CISIS}.45`, extension: '2024.01' }],
  ])('%s', (_name, input, choice) => {
    expect(selectVolet(input)).toEqual(choice);
  });

  it('an unknown extension is not completed by the document’s declaration (it could name the oldest version)', () => {
    expect(selectVolet({ ...sdm('2024.1'), declared: ['SDM-MR_2022.01'] }, undefined, new Set(['SDM-MR_2022.01', 'SDM-MR_2024.01']))).toEqual({
      volet: 'SDM-MR_2024.01',
      reason: 'templateId',
      templateId: `${CISIS}.30`,
      extension: '2024.1',
      unknownExtension: true,
      declaredIgnored: 'SDM-MR_2022.01',
    });
  });

  it('an ambiguous header is not settled by a declaration; --volet settles it', () => {
    const both = { ...facts([{ root: `${CISIS}.5.1` }, { root: `${CISIS}.5.2` }]), declared: ['CSE-CS9_2022.01'] };
    expect(selectVolet(both, undefined, new Set(['CSE-CS9_2022.01']))).toEqual({ reason: 'ambiguous', candidates: ['CSE-CS8', 'CSE-CS9'] });
    expect(selectVolet(both, 'CSE-CS9_2024.01')).toEqual({ volet: 'CSE-CS9_2024.01', reason: 'forced' });
  });
});

describe('declaredVolets', () => {
  it('reads the volet schematrons of the prolog’s <?oxygen SCHSchema?> lines, not the profile ones', () => {
    const text = `<?xml version="1.0"?>\n<?oxygen SCHSchema="../schematrons/profils/IHE.sch"?>\n<!-- x -->\n<?oxygen SCHSchema="../schematrons/CI-SIS_VSM_1.4_2022.01.sch"?>\n<?oxygen SCHSchema="../schematrons/profils/CI-SIS_Modeles_ANS.sch"?>\n<ClinicalDocument><?oxygen SCHSchema="CI-SIS_BIO-CR-BIO_2024.01.sch"?></ClinicalDocument>`;
    expect(declaredVolets(text)).toEqual(['VSM_1.4_2022.01']);
  });
});
