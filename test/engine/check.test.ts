// checkBundle (the contract other commands build on): artefact validators plugged by kind, the
// cross-artefact INS check on every requirement holding an inconsistent artefact, progress, masking.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundle, type CheckOptions } from '../../src/engine/check.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

const work = tempDir('segur-engine-');
afterAll(() => removeDir(work));

const options = (bundleDir: string, extra: Partial<CheckOptions> = {}): CheckOptions => ({
  bundleDir,
  strict: false,
  lang: 'fr',
  revealIdentifiers: false,
  ...extra,
});

describe('checkBundle', () => {
  it('passes sample-ok and reports progress over the distinct files', async () => {
    const progress: Array<[number, number]> = [];
    const outcome = await checkBundle(options('fixtures/bundles/sample-ok', { onProgress: (done, total) => progress.push([done, total]) }));
    expect(outcome.gatePassed).toBe(true);
    expect(outcome.context.report.verdict).toBe('pass');
    expect(progress.at(-1)).toEqual([7, 7]);
    expect(outcome.context.report.requirements[0]!.proofs[0]!.files[0]).toEqual({
      path: 'proofs/INS_va1.01.01.01/appel-insi.png',
      kind: 'screenshot',
      sha256: '00023965829ad187893d5eb1aedff72a9e9e179f2a867e15f90c19b32064eb5a',
      size: 67,
    });
  });

  it('keeps the manifest profile when given an empty profile list', async () => {
    const { context } = await checkBundle(options('fixtures/bundles/sample-ok', { profiles: [] }));
    expect(context.report.bundle.profiles).toEqual(['Général']);
    expect(context.report.summary.requirements).toBe(6);
  });

  it('makes an inconsistent identity one error, on the requirement whose proof holds the artefact that strays', async () => {
    const bundle = copyFixtureBundle('sample-ok', join(work, 'conflict'));
    const insi = join(bundle, 'proofs/INS_va1.01.01.02/reponse-insi.xml');
    writeFileSync(insi, readFileSync(insi, 'utf8').replace('MARTINEAU-ESSAI', 'DURAND-ESSAI'));
    const { context, gatePassed } = await checkBundle(options(bundle));
    expect(gatePassed).toBe(false);
    const errors = context.report.findings.filter((finding) => finding.severity === 'error');
    // The CDA proof and the CDA inside the MSS proof's IHE_XDM.ZIP agree: the INSi answer strays.
    expect(errors.map((finding) => [finding.rule, finding.requirement, finding.proof, finding.file])).toEqual([
      ['ins/identity-conflict', 'INS/va1.01', 'INS/va1.01.01.02', 'proofs/INS_va1.01.01.02/reponse-insi.xml'],
    ]);
    expect(errors[0]!.message).toContain('DURAND-ESSAI (proofs/INS_va1.01.01.02/reponse-insi.xml)');
    expect(context.report.requirements.slice(0, 2).map((requirement) => requirement.verdict)).toEqual(['non-conforme', 'conforme']);
    // INS masked unless revealed.
    expect(errors[0]!.message).toContain('28503••••••••79');
    const revealed = await checkBundle(options(bundle, { revealIdentifiers: true }));
    expect(revealed.context.report.findings.find((finding) => finding.severity === 'error')!.message).toContain('285036912304579');
  });

  it('runs the CDA validator on a CDA proof (cda-wrong-ins-key)', async () => {
    const { context } = await checkBundle(options('fixtures/bundles/cda-wrong-ins-key'));
    const ins = context.report.requirements.find((requirement) => requirement.id === 'INS/va1.02')!;
    expect(ins.verdict).toBe('non-conforme');
    expect(ins.findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.proof, finding.file])).toEqual([
      ['INS/va1.02.01.01', 'proofs/INS_va1.02.01.01/document.xml'],
    ]);
  });

  it('reads a file attached to two proofs once and reports it under both', async () => {
    const bundle = copyFixtureBundle('sample-ok', join(work, 'shared'));
    const manifest = join(bundle, 'segur.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        '  DMP/va1.01:\n    status: non-applicable\n',
        '  DMP/va1.01:\n    status: conforme\n    proofs:\n      DMP/va1.01.01.01:\n        - path: proofs/INS_va1.02.01.01/compte-rendu.xml\n      DMP/va1.01.01.02:\n        - path: proofs/INS_va1.02.01.01/compte-rendu.xml\n          kind: evs-report\n',
      ),
    );
    const progress: Array<[number, number]> = [];
    const { context } = await checkBundle(options(bundle, { onProgress: (done, total) => progress.push([done, total]) }));
    expect(progress.at(-1)).toEqual([7, 7]);
    const dmp = context.report.requirements.find((requirement) => requirement.id === 'DMP/va1.01')!;
    expect(dmp.verdict).toBe('non-conforme');
    expect(dmp.findings.map((finding) => [finding.rule, finding.proof])).toEqual([['file/kind-mismatch', 'DMP/va1.01.01.02']]);
  });

  it('warns about a mistyped proof folder, whose files then belong to no proof', async () => {
    const bundle = copyFixtureBundle('sample-ok', join(work, 'typo'));
    renameSync(join(bundle, 'proofs/INS_va1.02.02.01'), join(bundle, 'proofs/INS_va1.02.2.01'));
    const { context } = await checkBundle(options(bundle));
    expect(context.report.requirements[1]!.verdict).toBe('incomplet');
    expect(context.report.findings.filter((finding) => finding.severity === 'warning')).toEqual([
      {
        rule: 'bundle/unknown-proof-folder',
        severity: 'warning',
        message:
          'Le dossier proofs/INS_va1.02.2.01/ ne correspond à aucune preuve du REM : ses fichiers ne sont rattachés à rien. Vouliez-vous dire proofs/INS_va1.02.02.01/ ?',
        file: 'proofs/INS_va1.02.2.01',
      },
    ]);
  });
});
