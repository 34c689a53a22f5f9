import { describe, expect, it } from 'vitest';
import { unknownRequirement } from '../../src/rules/unknown-requirement.js';
import { requirementOtherProfile } from '../../src/rules/requirement-other-profile.js';
import { unknownProofFolder } from '../../src/rules/unknown-proof-folder.js';
import { manifestIdentityBlank } from '../../src/rules/manifest-identity-blank.js';
import { requirement } from './harness.js';
import { runBundleRule } from './harness.js';

const general = requirement();
const centre = requirement({ id: 'LGC.MDV.06', profiles: ['Centre de santé'], scenarios: [] });

describe('manifest/unknown-requirement', () => {
  it.each([
    { name: 'known ids', manifest: '  INS/va1.02:\n    status: conforme\n  LGC.MDV.06:\n', expected: [] },
    {
      name: 'typo with suggestion',
      manifest: '  INS/va1.2:\n    status: conforme\n',
      expected: [{ args: { requirement: 'INS/va1.2', suggestion: 'INS/va1.02' }, file: 'segur.yaml', line: 4, column: 3 }],
    },
    {
      name: 'unrelated id',
      manifest: '  FOO/BAR.99:\n    status: conforme\n',
      expected: [{ args: { requirement: 'FOO/BAR.99', suggestion: undefined }, file: 'segur.yaml', line: 4, column: 3 }],
    },
  ])('$name', ({ manifest, expected }) => {
    expect(runBundleRule(unknownRequirement, manifest, [general, centre], [general])).toEqual(expected);
  });
});

describe('manifest/requirement-other-profile', () => {
  it.each([
    { name: 'only selected requirements', manifest: '  INS/va1.02:\n    status: conforme\n', expected: [] },
    {
      name: 'requirement of another profile',
      manifest: '  INS/va1.02:\n    status: conforme\n  LGC.MDV.06:\n    status: conforme\n',
      expected: [{ args: { requirement: 'LGC.MDV.06', profiles: 'Centre de santé' }, file: 'segur.yaml', line: 6, column: 3 }],
    },
  ])('$name', ({ manifest, expected }) => {
    expect(runBundleRule(requirementOtherProfile, manifest, [general, centre], [general])).toEqual(expected);
  });
});

describe('bundle/unknown-proof-folder', () => {
  it.each([
    { name: 'folders of expected proofs, and of another profile', folders: ['INS_va1.02.01.01', 'INS_va1.02.02.01', 'LGC.MDV.06.01.01'], expected: [] },
    {
      name: 'typo with suggestion',
      folders: ['INS_va1.02.01.1'],
      expected: [{ file: 'proofs/INS_va1.02.01.1', args: { folder: 'proofs/INS_va1.02.01.1/', suggestion: 'proofs/INS_va1.02.01.01/' } }],
    },
    { name: 'unrelated folder', folders: ['divers'], expected: [{ file: 'proofs/divers', args: { folder: 'proofs/divers/', suggestion: undefined } }] },
    // The closest proof folder already exists: the stray one is no misspelling of it, and moving its
    // files there would attach them to the wrong proof (newcomer review, after `init --upgrade`).
    {
      name: 'the closest folder already there: the closest one still missing',
      folders: ['INS_va1.02.01.01', 'INS_va1.02.01.1'],
      expected: [{ file: 'proofs/INS_va1.02.01.1', args: { folder: 'proofs/INS_va1.02.01.1/', suggestion: 'proofs/INS_va1.02.02.01/' } }],
    },
    {
      name: 'every close folder already there: no suggestion',
      folders: ['INS_va1.02.01.01', 'INS_va1.02.02.01', 'INS_va1.02.01.1'],
      expected: [{ file: 'proofs/INS_va1.02.01.1', args: { folder: 'proofs/INS_va1.02.01.1/', suggestion: undefined } }],
    },
  ])('$name', ({ folders, expected }) => {
    const centreWithProof = { ...centre, scenarios: [{ id: 'LGC.MDV.06.01', text: '', proofs: [{ id: 'LGC.MDV.06.01.01', text: '' }] }] };
    expect(runBundleRule(unknownProofFolder, '  {}\n', [general, centreWithProof], [general], folders)).toEqual(expected);
  });

  // After `init --upgrade`, the manifest lists the files of an old proof's folder under the proof's
  // new number: those files are attached, the folder is no stray (only files attached to nothing are).
  const listed = (proof: string, ...paths: string[]) => `  INS/va1.02:\n    status: conforme\n    proofs:\n      ${proof}:\n${paths.map((path) => `        - path: ${path}\n`).join('')}`;
  it.each([
    {
      name: 'every file listed under a proof of the REM',
      manifest: listed('INS/va1.02.01.01', 'proofs/INS_va0.02.01.01/a.png', './proofs/INS_va0.02.01.01/sous/b.png'),
      files: ['proofs/INS_va0.02.01.01/a.png', 'proofs/INS_va0.02.01.01/sous/b.png'],
      expected: [],
    },
    {
      name: 'some files attached to nothing: those are counted, and the proof of the others is named',
      manifest: listed('INS/va1.02.01.01', 'proofs/INS_va0.02.01.01/a.png'),
      files: ['proofs/INS_va0.02.01.01/a.png', 'proofs/INS_va0.02.01.01/c.png', 'proofs/INS_va0.02.01.01/d.png'],
      expected: [
        {
          file: 'proofs/INS_va0.02.01.01',
          messageKey: 'bundle/unknown-proof-folder.partly-attached',
          args: { folder: 'proofs/INS_va0.02.01.01/', count: 2, first: 'proofs/INS_va0.02.01.01/c.png', proofs: 'INS/va1.02.01.01', suggestion: 'proofs/INS_va1.02.01.01/' },
        },
      ],
    },
    {
      name: 'files listed under a proof the REM does not know are attached to nothing',
      manifest: listed('INS/va9.02.01.01', 'proofs/INS_va0.02.01.01/a.png'),
      files: ['proofs/INS_va0.02.01.01/a.png'],
      expected: [{ file: 'proofs/INS_va0.02.01.01', args: { folder: 'proofs/INS_va0.02.01.01/', suggestion: 'proofs/INS_va1.02.01.01/' } }],
    },
  ])('$name', ({ manifest, files, expected }) => {
    const strayFolderFiles = new Map([['INS_va0.02.01.01', files]]);
    expect(runBundleRule(unknownProofFolder, manifest, [general], [general], ['INS_va0.02.01.01'], strayFolderFiles)).toEqual(expected);
  });
});

describe('manifest/identity-blank', () => {
  // Lines 1-4: schema, rem, requirements and its empty mapping (harness.ts); then the identity.
  it.each([
    { name: 'filled in', identity: 'editor:\n  name: Éditeur\nsoftware:\n  name: MonLGC\n  version: 5.2.0\n', expected: [] },
    {
      name: 'as segur init writes it',
      identity: 'editor:\n  name: ""\nsoftware:\n  name: ""\n  version: ""\n',
      expected: [
        { args: { field: 'editor.name' }, file: 'segur.yaml', line: 6, column: 3 },
        { args: { field: 'software.name' }, file: 'segur.yaml', line: 8, column: 3 },
        { args: { field: 'software.version' }, file: 'segur.yaml', line: 9, column: 3 },
      ],
    },
    {
      name: 'blanks and an absent block',
      identity: 'editor:\n  name: "   "\n',
      expected: [
        { args: { field: 'editor.name' }, file: 'segur.yaml', line: 6, column: 3 },
        { args: { field: 'software.name' }, file: 'segur.yaml', line: 1, column: 1 },
        { args: { field: 'software.version' }, file: 'segur.yaml', line: 1, column: 1 },
      ],
    },
  ])('$name', ({ identity, expected }) => {
    expect(runBundleRule(manifestIdentityBlank, `  {}\n${identity}`, [general])).toEqual(expected);
  });
});
