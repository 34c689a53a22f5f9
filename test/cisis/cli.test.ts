// CI-SIS content validation through the built CLI: `segur cisis import`, `segur validate --cisis`
// on the handed mutants (acceptance: flagged exactly as the official chain flags them) and on the
// 94 examples (still the 11 expected error files), `segur check` on a bundle whose CDA breaks its
// volet, and the usage errors. Packs are cached in a temporary XDG_CACHE_HOME.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';
import { messageWithArchives } from '../../scripts/fixtures/eml.js';
import { corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { cisisRoot, examplesDir, mutantsDir, normalise, official, officialFailures } from './corpus.js';

const cache = mkdtempSync(join(tmpdir(), 'segur-cisis-cache-'));
const env = { XDG_CACHE_HOME: cache };

interface ValidateJson {
  files: { path: string; findings: { rule: string; severity: string; message: string; location: string | null }[] }[];
  notes?: { rule: string }[];
}

describe.skipIf(!hasCorpus)(`segur cisis / --cisis${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  beforeAll(() => {
    const first = runCli(['cisis', 'import', cisisRoot], { env });
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^Compilation des volets CI-SIS de .* \(première utilisation/);
    expect(first.stdout).toMatch(/^59 volet\(s\) compilé\(s\) depuis /);
    expect(first.stdout).toContain('Total : 59 volet(s), 748 motif(s), 869 règle(s), 2826 test(s) ; diagnostics : 9 défaut(s), 23 avertissement(s), 2 note(s).');
  }, 120_000);

  it('imports again from the cache, saying so, without compiling', () => {
    const again = runCli(['cisis', 'import', cisisRoot], { env });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^Règles déjà compilées pour ces sources \(59 volet\(s\)\)/);
    expect(again.stdout).toContain('BIO-CR-BIO_2023.01 défaut schematrons/CI-SIS_BIO-CR-BIO_2023.01.sch:26 : Inclusion de include/specificationsVolets/BIO-CR-BIO_2023.01/Entete/Entete_CR-BIO.sch introuvable');
  });

  it('flags the handed mutants exactly as the official chain does (same files, locations and texts)', () => {
    const expected = official('mutants.official.json');
    const names = Object.keys(expected).sort();
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, ...names.map((name) => mutantsDir + name)], { env });
    const report = JSON.parse(run.stdout) as ValidateJson;
    report.files.forEach((file, index) => {
      const volet = file.findings.filter((finding) => finding.rule.startsWith('cisis/') && finding.severity === 'error');
      expect(volet.map((finding) => `${finding.location} | ${normalise(finding.message)}`).sort(), names[index]).toEqual(officialFailures(expected[names[index]!]!.volet));
      expect(file.findings.filter((finding) => /^cisis\/volet(-declared|-forced)?$/.test(finding.rule)), names[index]).toHaveLength(1);
    });
    expect(report.files.filter((file) => file.findings.some((finding) => finding.rule.startsWith('cisis/') && finding.severity === 'error'))).toHaveLength(15);
    expect(report.notes).toBeUndefined();
  }, 120_000);

  it('keeps the 94 examples at the 11 expected error files, with no volet error', () => {
    const files = readdirSync(examplesDir).filter((name) => name.endsWith('.xml')).sort();
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, ...files.map((name) => examplesDir + name)], { env });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    const all = report.files.flatMap((file) => file.findings);
    // No volet error; one warning: BIO-CR-BIO_2023.01's schematron lacks its upstream includes.
    const notes = report.files.flatMap((file) => file.findings.filter((finding) => finding.rule.startsWith('cisis/') && finding.severity !== 'info').map((finding) => `${file.path.split('/').pop()} ${finding.severity} ${finding.rule}`));
    expect(notes).toEqual(['BIO-CR-BIO_2023.01_Electrophorese.xml warning cisis/volet-incomplete']);
    expect(report.files.filter((file) => file.findings.some((finding) => finding.severity === 'error'))).toHaveLength(11);
    expect(all.filter((finding) => /^cisis\/volet(-declared|-forced)?$/.test(finding.rule))).toHaveLength(90);
    // 01_Modèles_contenus_CDA, DOC_NON_STRUCTURE_CDA-R2-N1 and the two level-1 BIO and IMG examples
    // (whose volet templateId is absent or commented out).
    expect(report.files.flatMap((file) => file.findings.filter((finding) => /^cisis\/no-volet/.test(finding.rule)).map((finding) => `${file.path.split('/').pop()} ${finding.rule}`))).toEqual([
      '01_Modèles_contenus_CDA.xml cisis/no-volet-known-document',
      'BIO-CR-BIO_2021.01_CDA-R2-Niveau-1.xml cisis/no-volet',
      'DOC_NON_STRUCTURE_CDA-R2-N1.xml cisis/no-volet',
      'IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml cisis/no-volet',
    ]);
  }, 180_000);

  it('says which pack ran, and obeys --volet', () => {
    const file = examplesDir + 'BIO-CR-BIO_2024.01_TSH_1.xml';
    const chosen = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, file], { env });
    expect((JSON.parse(chosen.stdout) as ValidateJson).files[0]!.findings.filter((finding) => finding.rule.startsWith('cisis/'))).toEqual([
      { rule: 'cisis/volet-declared', severity: 'info', message: 'Règles de contenu CI-SIS exécutées : volet BIO-CR-BIO_2024.01 (déclaré par le document, instruction <?oxygen SCHSchema?>).', location: null, line: null, column: null },
    ]);
    const forced = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, '--volet', 'BIO-CR-BIO_2021.01', file], { env });
    expect(forced.status).toBe(1);
    const findings = (JSON.parse(forced.stdout) as ValidateJson).files[0]!.findings.filter((finding) => finding.rule.startsWith('cisis/'));
    expect(findings[0]).toEqual({ rule: 'cisis/volet-forced', severity: 'info', message: 'Règles de contenu CI-SIS exécutées : volet BIO-CR-BIO_2021.01 (imposé par --volet).', location: null, line: null, column: null });
    expect(findings.slice(1).map((finding) => finding.rule)).toContain('cisis/BIO-CR-BIO_2021.01/Entete_CR-BIO');
  });

  it('lets the header, not a stale <?oxygen SCHSchema?> line, choose the version (no false conforme)', () => {
    // An SDM-MR 2024.01 document (templateId extension 2024.01) that the official chain fails on its
    // volet, still declaring the 2022.01 schematron of the example it was written from: the 2022.01
    // rules pass it; the 2024.01 rules its header names must run, and the report says why.
    const name = 'SDM-MR_2024.01_nouveau-ne__m2_drop-entry.xml';
    const dir = mkdtempSync(join(tmpdir(), 'segur-cisis-declared-'));
    const stale = readFileSync(mutantsDir + name, 'utf8').replace('CI-SIS_SDM-MR_2024.01.sch', 'CI-SIS_SDM-MR_2022.01.sch');
    expect(stale).toContain('CI-SIS_SDM-MR_2022.01.sch');
    writeFileSync(join(dir, name), stale);
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, join(dir, name)], { env });
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as ValidateJson).files[0]!.findings.filter((finding) => finding.rule.startsWith('cisis/'));
    expect(findings.filter((finding) => finding.severity === 'info')).toEqual([
      {
        rule: 'cisis/volet',
        severity: 'info',
        message: 'Règles de contenu CI-SIS exécutées : volet SDM-MR_2024.01 (templateId 1.2.250.1.213.1.1.1.30, extension 2024.01).',
        location: null,
        line: null,
        column: null,
      },
      {
        rule: 'cisis/volet-declared-ignored',
        severity: 'info',
        message:
          'Le document déclare le volet SDM-MR_2022.01 (instruction <?oxygen SCHSchema?>), mais son en-tête désigne SDM-MR_2024.01 : c’est l’en-tête qui choisit (--volet pour imposer un autre volet).',
        location: null,
        line: null,
        column: null,
      },
    ]);
    const errors = findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => `${finding.location} | ${normalise(finding.message)}`).sort()).toEqual(officialFailures(official('mutants.official.json')[name]!.volet));
    expect(errors).toHaveLength(2);
  });

  it('runs the volet the templateIds name whatever the document code (a VSM recoded 34133-9, its Oxygen line removed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-cisis-recoded-'));
    const recoded = readFileSync(examplesDir + 'VSM_1.4_2022.01.xml', 'utf8')
      .replace('<?oxygen SCHSchema="../schematrons/CI-SIS_VSM_1.4_2022.01.sch"?>', '')
      .replace(/<code code="SYNTH" displayName="Synthèse"\s+codeSystem="1.2.250.1.213.1.1.4.12"\/>/, '<code code="34133-9" displayName="Summarization of episode note" codeSystem="2.16.840.1.113883.6.1"/>');
    expect(recoded).toContain('code="34133-9"');
    expect(recoded).not.toContain('CI-SIS_VSM');
    writeFileSync(join(dir, 'vsm.xml'), recoded);
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, join(dir, 'vsm.xml')], { env });
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as ValidateJson).files[0]!.findings.filter((finding) => finding.rule.startsWith('cisis/'));
    expect(findings[0]).toMatchObject({ rule: 'cisis/volet', severity: 'info', message: 'Règles de contenu CI-SIS exécutées : volet VSM_1.4_2022.01 (templateId 1.2.250.1.213.1.1.1.13, extension 201310).' });
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.location} | ${finding.message}`)).toEqual([
      '/ClinicalDocument | [VSM] L\'élément code doit avoir @code ="SYNTH" et @codeSystem = "1.2.250.1.213.1.1.4.12"/>.',
    ]);
  });

  it.each(['2024.1', '2024.01 ', '2024-01'])('an @extension naming no version (%j) runs the newest version, with a warning', (extension) => {
    // SDM-MR 2024.01 document the official chain fails on its volet (2 errors); the 2022.01 rules
    // (the oldest) pass it: a misspelt extension must not buy them.
    const name = 'SDM-MR_2024.01_nouveau-ne__m2_drop-entry.xml';
    const dir = mkdtempSync(join(tmpdir(), 'segur-cisis-extension-'));
    const altered = readFileSync(mutantsDir + name, 'utf8')
      .replace('<?oxygen SCHSchema="../schematrons/CI-SIS_SDM-MR_2024.01.sch"?>', '')
      .replace('<templateId root="1.2.250.1.213.1.1.1.30" extension="2024.01"/>', `<templateId root="1.2.250.1.213.1.1.1.30" extension="${extension}"/>`);
    expect(altered).toContain(`extension="${extension}"`);
    expect(altered).not.toContain('CI-SIS_SDM-MR');
    writeFileSync(join(dir, name), altered);
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, join(dir, name)], { env });
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as ValidateJson).files[0]!.findings.filter((finding) => finding.rule.startsWith('cisis/'));
    expect(findings.filter((finding) => finding.severity !== 'error').map(({ rule, severity, message }) => ({ rule, severity, message }))).toEqual([
      {
        rule: 'cisis/volet-unknown-extension',
        severity: 'warning',
        message: `L’extension « ${extension} » du templateId 1.2.250.1.213.1.1.1.30 ne nomme aucune version connue du volet : règles de la version la plus récente exécutées (SDM-MR_2024.01) ; --volet impose une autre version.`,
      },
      { rule: 'cisis/volet', severity: 'info', message: `Règles de contenu CI-SIS exécutées : volet SDM-MR_2024.01 (templateId 1.2.250.1.213.1.1.1.30, extension ${extension}).` },
    ]);
    const errors = findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => `${finding.location} | ${normalise(finding.message)}`).sort()).toEqual(officialFailures(official('mutants.official.json')[name]!.volet));
  });

  it.each([
    [['--volet', 'NOPE_2024.01'], 'Volet « NOPE_2024.01 » inconnu pour --volet. Volets disponibles : ANEST-CR-ANEST_2022.01, '],
    [['--cisis', examplesDir], 'n’est pas un dossier TestContenuCDA : il doit contenir schematrons/CI-SIS_<volet>.sch.'],
  ])('exits 2 on %j', (args, message) => {
    const withTree = args[0] === '--volet' ? ['--cisis', cisisRoot, ...args] : args;
    const run = runCli(['validate', ...withTree, examplesDir + 'VSM_1.4_2022.01.xml'], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('exits 2 on --volet without --cisis', () => {
    const run = runCli(['validate', '--volet', 'VSM_1.4_2022.01', examplesDir + 'VSM_1.4_2022.01.xml'], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('L’option --volet demande le dossier TestContenuCDA : --cisis DOSSIER, ou cisis: dans .segurrc.yaml');
  });

  // A CDA inside an IHE XDM archive (alone, or attached to an MSSanté message) gets the same volet
  // rules as the file alone: before, --cisis never reached the archive's documents (a false
  // « conforme » on a volet-breaking CDA sent as IHE_XDM.ZIP), and no note said so without --cisis.
  it.each([
    ['an IHE_XDM.ZIP', 'IHE_XDM.ZIP', (archive: Buffer) => archive, 'IHE_XDM/SUBSET01/DOC0001.XML'],
    ['an MSSanté message carrying it', 'message.eml', (archive: Buffer) => messageWithArchives(projectRoot, [archive]), 'IHE_XDM.ZIP:IHE_XDM/SUBSET01/DOC0001.XML'],
  ])('segur validate --cisis runs the volet on the CDA inside %s', (_name, file, wrap, entry) => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-cisis-xdm-'));
    const mutant = 'CANCER-D2LM-FIDD_2022.01__m0_drop-section.xml';
    writeFileSync(join(dir, file), wrap(writeZip(xdmEntries(readFileSync(mutantsDir + mutant)))));
    const alone = JSON.parse(runCli(['validate', '--format', 'json', '--cisis', cisisRoot, mutantsDir + mutant], { env }).stdout) as ValidateJson;
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, join(dir, file)], { env });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    const voletErrors = (findings: ValidateJson['files'][number]['findings']) => findings.filter((finding) => finding.rule.startsWith('cisis/CANCER')).map((finding) => finding.message);
    expect(voletErrors(report.files[0]!.findings)).toEqual(voletErrors(alone.files[0]!.findings));
    expect(voletErrors(report.files[0]!.findings)).toHaveLength(1);
    expect(report.files[0]!.findings.find((finding) => finding.rule.startsWith('cisis/CANCER'))!.location).toBe(`${entry}:/ClinicalDocument/component/structuredBody`);
    const without = JSON.parse(runCli(['validate', '--format', 'json', join(dir, file)], { env }).stdout) as ValidateJson;
    expect(without.notes).toEqual([expect.objectContaining({ rule: 'cisis/not-run' })]);
  }, 60_000);

  it('segur check: a CDA breaking its volet makes its requirement non-conforme, with the ANS message', () => {
    const bundle = mkdtempSync(join(tmpdir(), 'segur-cisis-bundle-'));
    cpSync('fixtures/bundles/sample-ok', bundle, { recursive: true });
    cpSync(mutantsDir + 'CANCER-D2LM-FIDD_2022.01__m0_drop-section.xml', join(bundle, 'proofs/INS_va1.02.01.01/compte-rendu.xml'));
    const run = runCli(['check', bundle, '--cisis', cisisRoot, '--format', 'json'], { env });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { requirements: { id: string; verdict: string; findings: { rule: string; message: string; location?: string; line?: number }[] }[]; findings: { rule: string }[] };
    const requirement = report.requirements.find((entry) => entry.id === 'INS/va1.02')!;
    expect(requirement.verdict).toBe('non-conforme');
    const volet = requirement.findings.filter((finding) => finding.rule.startsWith('cisis/CANCER'));
    expect(volet).toEqual([
      {
        // The code names the pattern holding the assert: ANS put this one in its "variables" pattern.
        rule: 'cisis/CANCER-D2LM-FIDD_2022.01/variables',
        severity: 'error',
        message: '[Entete_D2LM-FIDD] Erreur de conformité au modèle : La section FR-Plan-de-soins (1.3.6.1.4.1.19376.1.5.3.1.3.36) doit être présente.',
        requirement: 'INS/va1.02',
        proof: 'INS/va1.02.01.01',
        file: 'proofs/INS_va1.02.01.01/compte-rendu.xml',
        location: '/ClinicalDocument/component/structuredBody',
        line: expect.any(Number),
      },
    ]);
    expect(report.findings.filter((finding) => finding.rule === 'cisis/not-run')).toEqual([]);
  }, 60_000);
});
