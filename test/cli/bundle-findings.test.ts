// Findings users read per bundle: one INS conflict per INS, on the file that strays (not dozens of
// identical errors on healthy files); blank identity fields of the manifest, as `segur init` leaves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
beforeAll(() => {
  work = tempDir('segur-bundle-findings-');
});
afterAll(() => removeDir(work));

interface ReportJson {
  requirements: { id: string; verdict: string }[];
  findings: { rule: string; file?: string; message: string; requirement?: string }[];
}

describe('ins/identity-conflict', () => {
  it('one CDA with another patient’s traits among healthy ones: one finding, on that CDA only', () => {
    const bundle = copyFixtureBundle('sample-ok', work);
    const folder = join(bundle, 'proofs/INS_va1.02.01.01');
    for (const name of ['copie-1.xml', 'copie-2.xml', 'copie-3.xml']) copyFileSync(join(folder, 'compte-rendu.xml'), join(folder, name));
    const stray = readFileSync(join(folder, 'compte-rendu.xml'), 'utf8').replace('<family qualifier="BR">MARTINEAU-ESSAI</family>', '<family qualifier="BR">DURAND</family>');
    writeFileSync(join(folder, 'autre-patient.xml'), stray);
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ReportJson;
    const conflicts = report.findings.filter((finding) => finding.rule === 'ins/identity-conflict');
    expect(conflicts.map((finding) => [finding.requirement, finding.file])).toEqual([['INS/va1.02', 'proofs/INS_va1.02.01.01/autre-patient.xml']]);
    expect(conflicts[0]!.message).toBe(
      'L’INS 28503••••••••79 n’a pas les mêmes traits dans les 7 fichiers qui le portent — family[@qualifier=\'BR\'] / NomNaissance = MARTINEAU-ESSAI (proofs/INS_va1.01.01.02/reponse-insi.xml, proofs/INS_va1.02.01.01/compte-rendu.xml, proofs/INS_va1.02.01.01/copie-1.xml +3) ≠ DURAND (proofs/INS_va1.02.01.01/autre-patient.xml). Le fichier qui s’écarte des autres concerne sans doute un autre patient.',
    );
    expect(report.requirements.find((result) => result.id === 'INS/va1.01')!.verdict).toBe('conforme');
  });
});

describe('manifest/identity-blank', () => {
  it('flags the editor and software fields segur init leaves empty', () => {
    const bundle = join(work, 'neuf');
    expect(runCli(['init', bundle, '--rem', 'REM-SAMPLE-LGC']).status).toBe(0);
    const run = runCli(['check', bundle, '--format', 'json']);
    const blanks = (JSON.parse(run.stdout) as ReportJson).findings.filter((finding) => finding.rule === 'manifest/identity-blank');
    expect(blanks.map((finding) => finding.message)).toEqual([
      'editor.name est vide dans segur.yaml : renseignez-le, les rapports et la liste DSR disent quel logiciel de quel éditeur a été contrôlé.',
      'software.name est vide dans segur.yaml : renseignez-le, les rapports et la liste DSR disent quel logiciel de quel éditeur a été contrôlé.',
      'software.version est vide dans segur.yaml : renseignez-le, les rapports et la liste DSR disent quel logiciel de quel éditeur a été contrôlé.',
    ]);
  });
});

describe('manifest/yaml-tag', () => {
  it('a status written as !!binary: exit 2, the file, line, column and tag named, in French and in English', () => {
    const bundle = copyFixtureBundle('sample-ok', work);
    const manifest = join(bundle, 'segur.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('status: conforme', 'status: !!binary Y29uZm9ybWU='));
    const line = readFileSync(manifest, 'utf8').split('\n').findIndex((text) => text.includes('!!binary')) + 1;
    const fr = runCli(['check', bundle]);
    expect(fr).toEqual({
      status: 2,
      stdout: '',
      stderr: `segur : ${bundle}/segur.yaml, ligne ${line}, colonne 13 : requirements › INS/va1.01 › status porte l’étiquette YAML « !!binary » : ce fichier ne contient que du texte, des nombres, des listes et des dictionnaires. Retirez l’étiquette (par exemple « status: conforme »).\n`,
    });
    expect(runCli(['--lang', 'en', 'check', bundle]).stderr).toBe(
      `segur: ${bundle}/segur.yaml, line ${line}, column 13: requirements › INS/va1.01 › status carries the YAML tag "!!binary": this file holds only text, numbers, lists and mappings. Remove the tag (for example "status: conforme").\n`,
    );
  });
});
