// `segur init --upgrade`: the fixture bundle on REM-DIFF-Va1 carried to REM-DIFF-Va2. The new manifest
// keeps every status and proof file (live, or in a comment when its proof is gone), segur.yaml is
// untouched, nothing is ever overwritten, and the upgraded bundle checks with only the expected
// `incomplet` verdicts (the requirements with a new proof).
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { projectRoot, runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from './helpers.js';

const work = tempDir('segur-upgrade-');
afterAll(() => removeDir(work));

function copyFixtures(name: string): string {
  const root = join(work, name);
  cpSync(join(projectRoot, 'fixtures/rem-versions'), root, { recursive: true });
  return join(root, 'bundle-va1');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('segur init --upgrade on the fixture bundle', () => {
  const bundle = copyFixtures('main');
  const target = join(bundle, 'segur.REM-DIFF-Va2.yaml');
  const original = readFileSync(join(bundle, 'segur.yaml'), 'utf8');

  it('writes segur.<new id>.yaml beside segur.yaml, which it leaves untouched', () => {
    const run = runCli(['init', '--upgrade', '--rem', join(bundle, '../REM-DIFF-Va2.yaml'), bundle]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Manifeste ${target} écrit pour REM-DIFF-Va2 : 12 exigences, dont 11 à revoir (lignes « ⚠ »), 3 fichier(s) de preuve sans équivalent gardé(s) en commentaire. segur.yaml n’a pas été modifié : relisez le nouveau manifeste, puis remplacez segur.yaml par celui-ci.\n`,
    );
    expect(readFileSync(join(bundle, 'segur.yaml'), 'utf8')).toBe(original);
  });

  it('carries statuses, notes and proof files through the mapping', () => {
    const manifest = parse(readFileSync(target, 'utf8'));
    expect(manifest.rem).toBe('../REM-DIFF-Va2.yaml');
    expect(manifest.profile).toBe('Général');
    expect(manifest.editor).toEqual({ name: 'Éditeur Exemple' });
    expect(Object.keys(manifest.requirements)).toEqual([
      'INS/va1.01',
      'INS/va1.02',
      'INS/va2.03',
      'DMP/va2.01',
      'DMP/va1.03',
      'DMP/va2.04',
      'ERGO/va1.05',
      'ERGO/va1.06',
      'MSS/va1.01',
      'MSS/va1.02',
      'SC.SSI/IE.58',
      'LGC.MDV.07',
    ]);
    const old = parse(original).requirements;
    expect(manifest.requirements['INS/va1.01']).toEqual(old['INS/va1.01']);
    expect(manifest.requirements['INS/va2.03']).toEqual({
      status: 'conforme',
      note: 'Vérifié sur la version 5.2 du logiciel.',
      proofs: { 'INS/va2.03.01.01': [{ path: 'proofs/INS_va1.03.01.01/document-ins.png', kind: 'screenshot', note: 'Patient fictif' }] },
    });
    expect(manifest.requirements['DMP/va2.01'].proofs).toEqual({
      'DMP/va2.01.01.01': [{ path: 'proofs/DMP_va1.01.01.01/capture.png' }],
      'DMP/va2.01.01.02': [{ path: 'proofs/DMP_va1.01.01.02/capture.png' }],
    });
    expect(manifest.requirements['DMP/va2.04']).toEqual({ status: 'en-cours', proofs: { 'DMP/va2.04.01.01': [] } });
    expect(manifest.requirements['LGC.MDV.07'].proofs).toEqual({
      'LGC.MDV.07.01.01': [],
      'LGC.MDV.07.01.04': [{ path: 'proofs/LGC.MDV.07.01.02/capture.png' }],
      'LGC.MDV.07.01.05': [],
    });
  });

  it('comments every requirement and proof that needs attention, and keeps the orphans in comments', () => {
    const text = readFileSync(target, 'utf8');
    expect(text).toContain(
      "  # Alimentation du DMP — Envoi d'un document au DMP (EXIGENCE, conditionnelle)\n  # ⚠ anciennement DMP/va1.01 (appariée par similarité 0,91)\n  # ⚠ énoncé : Le logiciel DOIT permettre d’envoyer au DMP du patient un document conforme [-au volet-]{+aux volets+} du CI-SIS.\n",
    );
    expect(text).toContain('  # ⚠ nature : PRECONISATION → EXIGENCE (durcie : compte désormais pour le contrôle)\n  ERGO/va1.05:\n');
    expect(text).toContain('  # ⚠ conditionnelle : OUI → NON (durcie : non-applicable n’est plus accepté)\n  SC.SSI/IE.58:\n');
    expect(text).toContain("      # Capture d'écran de l'alerte\n      # ⚠ nouvelle preuve : à fournir\n      MSS/va1.02.02.01: []\n");
    expect(text).toContain(
      '    # Repris de segur.yaml sans équivalent dans REM-DIFF-Va2 (gardé pour mémoire, non vérifié) :\n    #   proofs:\n    #     LGC.MDV.07.01.03:\n    #       - path: proofs/LGC.MDV.07.01.03/journal-exports.log\n    #         kind: log\n',
    );
    expect(text).toContain(
      '# Exigences de segur.yaml sans équivalent dans REM-DIFF-Va2 (gardées pour mémoire, non vérifiées) :\n#   DMP/va1.02:\n#     status: conforme\n#     proofs:\n#       DMP/va1.02.01.01:\n#         - path: proofs/DMP_va1.02.01.01/capture.png\n',
    );
  });

  it('loses no proof file: each one is attached under the new REM or kept in a comment', () => {
    const text = readFileSync(target, 'utf8');
    const manifest = parse(text);
    const live = Object.values(manifest.requirements as Record<string, { proofs?: Record<string, { path: string }[]> }>).flatMap((entry) =>
      Object.values(entry.proofs ?? {}).flatMap((files) => files.map((file) => file.path)),
    );
    const folderAttached = Object.values(manifest.requirements as Record<string, { proofs?: Record<string, unknown> }>).flatMap((entry) =>
      Object.keys(entry.proofs ?? {}).map((proof) => `proofs/${proof.replaceAll('/', '_')}/`),
    );
    const commented = [...text.matchAll(/^\s*#.*- path: (\S+)$/gm)].map((match) => match[1]!);
    for (const file of filesUnder(bundle).filter((name) => name.startsWith('proofs/'))) {
      const kept = live.includes(file) || commented.includes(file) || folderAttached.some((folder) => file.startsWith(folder));
      expect(kept, file).toBe(true);
    }
  });

  it('never overwrites: a second upgrade exits 2 and changes nothing', () => {
    const before = readFileSync(target, 'utf8');
    const run = runCli(['init', '--upgrade', '--rem', join(bundle, '../REM-DIFF-Va2.yaml'), bundle]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`segur : ${target} existe déjà : segur init ne remplace jamais un manifeste. Modifiez-le, ou supprimez-le pour repartir de zéro.\n`);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readFileSync(join(bundle, 'segur.yaml'), 'utf8')).toBe(original);
  });

  it('checks, once in place, with only the expected incomplet verdicts (the new proofs)', () => {
    renameSync(join(bundle, 'segur.yaml'), join(bundle, 'segur.Va1.yaml.bak'));
    renameSync(target, join(bundle, 'segur.yaml'));
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.fromEntries(report.requirements.map((result: { id: string; verdict: string }) => [result.id, result.verdict]))).toEqual({
      'INS/va1.01': 'conforme',
      'INS/va1.02': 'conforme',
      'INS/va2.03': 'conforme',
      'DMP/va2.01': 'conforme',
      'DMP/va1.03': 'conforme',
      'DMP/va2.04': 'incomplet',
      'ERGO/va1.05': 'conforme',
      'ERGO/va1.06': 'conforme',
      'MSS/va1.01': 'conforme',
      'MSS/va1.02': 'incomplet',
      'SC.SSI/IE.58': 'conforme',
      'LGC.MDV.07': 'incomplet',
    });
    const missing = report.findings.filter((finding: { rule: string }) => finding.rule === 'coverage/missing-proof').map((finding: { proof: string }) => finding.proof);
    expect(missing).toEqual(['DMP/va2.04.01.01', 'MSS/va1.02.02.01', 'LGC.MDV.07.01.05']);
    // No error on any carried file.
    expect(errorRules(report)).toEqual(UPGRADED_ERRORS);
    // The old folders whose files the manifest lists under a proof are not strays; those of the
    // proofs gone from the REM (files kept in comments) are.
    expect(strayFolders(report)).toEqual(ORPHANED_FOLDERS);
  });

  it('refuses to upgrade a manifest to the REM it already follows (exit 2)', () => {
    const other = copyFixtures('same');
    const run = runCli(['init', '--upgrade', '--rem', join(other, '../REM-DIFF-Va1.yaml'), other]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`segur : Le manifeste ${other}/segur.yaml suit déjà le REM REM-DIFF-Va1 : rien à mettre à niveau.\n`);
  });
});

/** The errors of the upgraded bundle's check: the new proofs missing and the requirement still in progress, none on a carried file. */
const UPGRADED_ERRORS = ['coverage/missing-proof', 'status/in-progress', 'coverage/missing-proof', 'coverage/missing-proof'];

function errorRules(report: { findings: { severity: string; rule: string }[] }): string[] {
  return report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);
}

/** Folders reported by bundle/unknown-proof-folder in a JSON report. */
function strayFolders(report: { findings: { rule: string; file?: string }[] }): (string | undefined)[] {
  return report.findings.filter((finding) => finding.rule === 'bundle/unknown-proof-folder').map((finding) => finding.file);
}

/** The fixture's folders of proofs that REM-DIFF-Va2 removed: their files are attached to nothing. */
const ORPHANED_FOLDERS = ['proofs/DMP_va1.02.01.01', 'proofs/DMP_va1.03.02.01', 'proofs/LGC.MDV.07.01.03'];

describe('following the upgraded manifest’s advice to rename an old proof folder', () => {
  const bundle = copyFixtures('rename');
  const advice = /# ⚠ les fichiers de proofs\/(\S+)\/ sont listés ici par leur chemin ; pour renommer ce dossier en proofs\/(\S+)\/, remplacez aussi proofs\/\1\/ par proofs\/\2\/ dans les lignes « path: » ci-dessous\n/g;

  it('gives the same verdicts, and no warning on the renamed folders', () => {
    expect(runCli(['init', '--upgrade', '--rem', join(bundle, '../REM-DIFF-Va2.yaml'), bundle]).status).toBe(0);
    let text = readFileSync(join(bundle, 'segur.REM-DIFF-Va2.yaml'), 'utf8');
    const renames = [...text.matchAll(advice)].map((match) => [match[1]!, match[2]!] as const);
    expect(renames).toEqual([
      ['DMP_va1.01.01.01', 'DMP_va2.01.01.01'],
      ['DMP_va1.01.01.02', 'DMP_va2.01.01.02'],
      ['ERGO_va1.06.01.01', 'ERGO_va1.06.02.01'],
      ['LGC.MDV.07.01.02', 'LGC.MDV.07.01.04'],
    ]);
    // Literally: rename the folder, and replace the old folder by the new one in the path: lines.
    for (const [oldFolder, newFolder] of renames) {
      renameSync(join(bundle, 'proofs', oldFolder), join(bundle, 'proofs', newFolder));
      text = text.replaceAll(`- path: proofs/${oldFolder}/`, `- path: proofs/${newFolder}/`);
    }
    writeFileSync(join(bundle, 'segur.yaml'), text);
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    const verdicts = Object.fromEntries(report.requirements.map((result: { id: string; verdict: string }) => [result.id, result.verdict]));
    const incomplete = ['DMP/va2.04', 'MSS/va1.02', 'LGC.MDV.07'];
    expect(verdicts).toEqual(Object.fromEntries(Object.keys(verdicts).map((id) => [id, incomplete.includes(id) ? 'incomplet' : 'conforme'])));
    expect(Object.keys(verdicts)).toHaveLength(12);
    expect(errorRules(report)).toEqual(UPGRADED_ERRORS);
    expect(strayFolders(report)).toEqual(ORPHANED_FOLDERS);
  });
});

describe('a proof number reused by the new REM', () => {
  // Old: P.01.01.01 "Capture", P.01.01.02 "Journal". New: P.01.01.02 "Vidéo" (new), P.01.01.03 "Journal".
  const root = join(work, 'reuse');
  const catalogFile = (id: string, proofs: [string, string][]) => ({
    schema: 'segur-catalog/1',
    id,
    title: id,
    source: { file: `${id}.xlsx`, sheet: 'Exigences', sha256: (id === 'OLD' ? '1' : '2').repeat(64) },
    requirements: [
      {
        id: 'P.01',
        chapter: 'Chapitre',
        // A carriage return in a REM text must not end the YAML comment it is quoted in.
        function: id === 'OLD' ? 'Fonction' : 'Fonction\rinjected: true',
        statement: id === 'OLD' ? 'Le logiciel DOIT faire.' : 'Le logiciel DOIT faire.\rinjected: true',
        nature: 'EXIGENCE',
        conditional: false,
        profiles: ['Général'],
        scenarios: [{ id: 'P.01.01', text: 'Scénario', proofs: proofs.map(([proof, text]) => ({ id: proof, text })) }],
      },
    ],
  });
  mkdirSync(join(root, 'bundle/proofs/P.01.01.01'), { recursive: true });
  mkdirSync(join(root, 'bundle/proofs/P.01.01.02'), { recursive: true });
  writeFileSync(join(root, 'OLD.yaml'), stringify(catalogFile('OLD', [['P.01.01.01', 'Capture'], ['P.01.01.02', 'Journal']])));
  writeFileSync(join(root, 'NEW.yaml'), stringify(catalogFile('NEW', [['P.01.01.01', 'Capture'], ['P.01.01.02', 'Vidéo'], ['P.01.01.03', 'Journal']])));
  writeFileSync(join(root, 'bundle/proofs/P.01.01.01/capture.png'), 'x');
  writeFileSync(join(root, 'bundle/proofs/P.01.01.02/journal.log'), 'ok\n');
  writeFileSync(join(root, 'bundle/segur.yaml'), stringify({ schema: 'segur-bundle/1', rem: '../OLD.yaml', profile: 'Général', requirements: { 'P.01': { status: 'conforme' } } }));

  it('says that the old folder now counts for the new proof of that number', () => {
    const run = runCli(['catalog', 'diff', join(root, 'OLD.yaml'), join(root, 'NEW.yaml'), '--bundle', join(root, 'bundle'), '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).bundle.requirements[0].proofs).toEqual([
      { status: 'maps', old: 'P.01.01.01', new: 'P.01.01.01', files: ['proofs/P.01.01.01/capture.png'] },
      { status: 'new', new: 'P.01.01.02', files: ['proofs/P.01.01.02/journal.log'], reusedFolderFiles: ['proofs/P.01.01.02/journal.log'] },
      { status: 'renamed', old: 'P.01.01.02', new: 'P.01.01.03', files: ['proofs/P.01.01.02/journal.log'] },
    ]);
  });

  it('lists the files under their new number and warns on the reused one in the upgraded manifest', () => {
    const run = runCli(['init', '--upgrade', '--rem', join(root, 'NEW.yaml'), join(root, 'bundle')]);
    expect(run.status).toBe(0);
    const text = readFileSync(join(root, 'bundle/segur.NEW.yaml'), 'utf8');
    expect(text).toContain(
      '      # Vidéo\n      # ⚠ nouvelle preuve : à fournir\n      # ⚠ proofs/P.01.01.02/ contient 1 fichier(s) de l’ancienne preuve du même numéro : ils comptent pour P.01.01.02 tant qu’ils n’en sont pas déplacés\n      P.01.01.02: []\n',
    );
    expect(parse(text).requirements['P.01'].proofs['P.01.01.03']).toEqual([{ path: 'proofs/P.01.01.02/journal.log' }]);
    expect(text).toContain('  # ⚠ énoncé : Le logiciel DOIT faire. {+injected: true+}\n');
    expect(text).toContain('  # ⚠ fonction : « Fonction » → « Fonction injected: true »\n');
    expect(Object.keys(parse(text))).toEqual(['schema', 'rem', 'profile', 'requirements']);
  });
});
