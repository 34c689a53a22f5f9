// `segur validate` as a user runs it (built CLI): JSON contract, kind sniffing, exit codes, and the
// worker pool giving the same results, in input order, as inline validation.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { corpusPath, corpusSkipReason, hasCorpus } from '../helpers/corpus.js';

interface ValidateJson {
  schema: string;
  files: {
    path: string;
    kind: string;
    findings: { rule: string; severity: string; message: string; location: string | null; line: number | null; column: number | null }[];
  }[];
}

const json = (args: string[]) => {
  const run = runCli(['validate', '--format', 'json', ...args]);
  return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as ValidateJson) : undefined };
};

describe('segur validate', () => {
  it('prints the segur-validate/1 JSON and exits 0 on valid files, kinds sniffed from content', () => {
    const run = json(['fixtures/cda/valid-n1.xml', 'fixtures/ins/insi-valid.xml']);
    expect(run.status).toBe(0);
    expect(run.report).toEqual({
      schema: 'segur-validate/1',
      files: [
        { path: 'fixtures/cda/valid-n1.xml', kind: 'cda', findings: [] },
        {
          path: 'fixtures/ins/insi-valid.xml',
          kind: 'ins',
          findings: [
            {
              rule: 'ins/production-oid',
              severity: 'info',
              message:
                'L’INS est déclarée sous l’OID de production 1.2.250.1.213.1.4.8 (normal pour une identité de test rendue par la plateforme INSi de test).',
              location: '/Envelope/Body/RESULTAT/INDIVIDU/INSACTIF',
              line: 10,
              column: null,
            },
          ],
        },
      ],
      // Without --cisis, one run-level note (not one per CDA) says the volet rules did not run.
      notes: [
        {
          rule: 'cisis/not-run',
          message: 'Règles de contenu CI-SIS (volets) non exécutées : ajoutez --cisis DOSSIER (copie de TestContenuCDA de l’ANS) pour les vérifier.',
        },
      ],
    });
  });

  it('exits 1 on an error finding, masking the INS unless asked', () => {
    const masked = json(['fixtures/cda/defects/ins-key.xml']);
    expect(masked.status).toBe(1);
    expect(masked.report!.files[0]!.findings[0]!.message).toBe('La clé de l’INS 28503••••••••78 est fausse : 78 au lieu de 79.');
    const revealed = runCli(['--reveal-identifiers', '--lang', 'en', 'validate', '--format', 'json', 'fixtures/cda/defects/ins-key.xml']);
    expect(JSON.parse(revealed.stdout).files[0].findings[0].message).toBe('The key of INS 285036912304578 is wrong: 78 instead of 79.');
  });

  it('exits 2 naming the file when one cannot be read at all', () => {
    const run = runCli(['validate', 'fixtures/cda/valid-n1.xml', 'fixtures/cda/absent.xml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('segur : Fichier introuvable : fixtures/cda/absent.xml\n');
  });

  it('exits 2 on a FIFO (met directly or in a folder walked) or a device, even with --kind, without blocking', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-notfile-'));
    const fifo = join(dir, 'pipe.xml');
    execFileSync('mkfifo', [fifo]);
    const expected = [
      [dir, `segur : ${fifo} est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.\n`],
      [fifo, `segur : ${fifo} est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.\n`],
      ['/dev/zero', 'segur : /dev/zero est un périphérique, pas un fichier ordinaire : refusé.\n'],
    ];
    for (const [target, message] of expected) {
      const run = runCli(['validate', '--kind', 'cda', target!]);
      expect(run.status, target).toBe(2);
      expect(run.stderr).toBe(message);
    }
  });

  it('honours --kind, every validated kind included', () => {
    const forced = json(['--kind', 'cda', 'fixtures/ins/insi-valid.xml']);
    expect(forced.status).toBe(1);
    expect(forced.report!.files[0]!.findings.map((finding) => finding.rule)).toEqual(['cda/not-cda']);
    const eml = json(['--kind', 'eml', 'fixtures/cda/valid-n1.xml']);
    expect(eml.status).toBe(1);
    expect(eml.report!.files[0]!.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['eml/not-a-message', 'error']]);
    expect(runCli(['validate', '--kind', 'pdf', 'fixtures/cda/valid-n1.xml']).status).toBe(2);
  });

  it('prints a readable French summary on a terminal, with the symbols and words of segur check', () => {
    const run = runCli(['validate', 'fixtures/cda/defects/realm-code.xml', 'fixtures/cda/valid-n1.xml']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '✘ fixtures/cda/defects/realm-code.xml (cda)',
        '    ✘ fixtures/cda/defects/realm-code.xml:4 /ClinicalDocument/realmCode/@code : Domaine d’application (realmCode) non conforme : realmCode/@code attendu "FR", trouvé "DE".',
        '✔ fixtures/cda/valid-n1.xml (cda)',
        '',
        'Fichiers : 2 — 1 erreur · 0 avertissement',
        'i Règles de contenu CI-SIS (volets) non exécutées : ajoutez --cisis DOSSIER (copie de TestContenuCDA de l’ANS) pour les vérifier.',
        '✘ Validation échouée',
        '',
      ].join('\n'),
    );
  });

  // A file no validator read is not marked as passed (it was ✔, the warning only on the line below).
  it('marks a file it could not validate with « – », not « ✔ »', () => {
    const run = runCli(['validate', 'package.json', 'fixtures/cda/valid-n1.xml']);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      '– package.json (log)',
      '    ! package.json : Type de fichier non reconnu (texte) : précisez --kind cda, ins, xdm, eml ou evs-report.',
      '✔ fixtures/cda/valid-n1.xml (cda)',
    ]);
  });

  it('gives the same findings, in input order, through the worker pool', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segur-pool-'));
    const sources = ['fixtures/cda/valid-n1.xml', 'fixtures/cda/defects/ins-key.xml', 'fixtures/cda/defects/title.xml'];
    const paths: string[] = [];
    for (let index = 0; index < 300; index += 1) {
      const path = join(dir, `doc-${String(index).padStart(3, '0')}.xml`);
      copyFileSync(sources[index % 3]!, path);
      paths.push(path);
    }
    const run = json(paths);
    expect(run.status).toBe(1);
    expect(run.report!.files.map((file) => file.path)).toEqual(paths);
    expect(run.report!.files.map((file) => file.findings.map((finding) => finding.rule).join(','))).toEqual(
      paths.map((_, index) => ['', 'ins/key', 'cda/title'][index % 3]),
    );
  });
});

describe.skipIf(!hasCorpus)(`segur validate on the ANS examples (${hasCorpus ? 'present' : corpusSkipReason})`, () => {
  it('sniffs all 94 as CDA (auto-presentable ones included) and fails on exactly 11', () => {
    const dir = corpusPath('cda/ans-examples');
    const files = readdirSync(dir).filter((name) => name.endsWith('.xml')).sort().map((name) => join(dir, name));
    const run = json(files);
    expect(run.status).toBe(1);
    expect(run.report!.files.map((file) => file.kind)).toEqual(files.map(() => 'cda'));
    expect(run.report!.files.filter((file) => file.findings.some((finding) => finding.severity === 'error'))).toHaveLength(11);
  });
});

describe('CDA and INSi proofs of sample-ok and cda-wrong-ins-key', () => {
  it('have no error finding, except the wrong INS key of cda-wrong-ins-key', () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && entry.name.endsWith('.xml')) found.push(path);
      }
    };
    walk('fixtures/bundles/sample-ok');
    walk('fixtures/bundles/cda-wrong-ins-key');
    expect(found.length).toBe(4);
    const run = json(found.sort());
    const errors = run.report!.files.flatMap((file) =>
      file.findings.filter((finding) => finding.severity === 'error').map((finding) => `${file.path} ${finding.rule}`),
    );
    expect(errors).toEqual(['fixtures/bundles/cda-wrong-ins-key/proofs/INS_va1.02.01.01/document.xml ins/key']);
  });
});
