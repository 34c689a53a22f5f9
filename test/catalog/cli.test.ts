// `segur catalog import | list | show` end to end, through the built CLI (npm test builds first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, projectRoot } from '../helpers/cli.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { columnsFixture, remFixture } from './helpers.js';

const committedSample = join(projectRoot, 'rem-catalogs', 'REM-SAMPLE-LGC.yaml');
let cwd: string;
/** A folder with no rem-catalogs/ of its own. */
let emptyDir: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'segur-catalog-cli-'));
  emptyDir = join(cwd, 'empty');
  mkdirSync(emptyDir);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('segur catalog import', () => {
  it('writes rem-catalogs/<id>.yaml, byte-identical to the committed sample and on re-import', () => {
    const first = runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx')], { cwd });
    expect(first).toEqual({
      status: 0,
      stdout: 'Catalogue REM-SAMPLE-LGC écrit dans rem-catalogs/REM-SAMPLE-LGC.yaml : 7 exigences, 8 scénarios, 10 preuves.\n',
      stderr: '',
    });
    const written = readFileSync(join(cwd, 'rem-catalogs', 'REM-SAMPLE-LGC.yaml'));
    expect(written.equals(readFileSync(committedSample))).toBe(true);
    expect(runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx')], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, 'rem-catalogs', 'REM-SAMPLE-LGC.yaml')).equals(written)).toBe(true);
    expect(readdirSync(join(cwd, 'rem-catalogs'))).toEqual(['REM-SAMPLE-LGC.yaml']);
  });

  it('writes readable UTF-8 (accents as themselves) with the source file, sheet and SHA-256', () => {
    const text = readFileSync(committedSample, 'utf8');
    expect(text).toContain('chapter: Gestion de la MSSanté');
    expect(text).not.toMatch(/\\u00|\\x/);
    const catalog = parse(text);
    expect(catalog.schema).toBe('segur-catalog/1');
    expect(catalog.source).toEqual({ file: 'REM-SAMPLE-LGC.xlsx', sheet: 'Exigences', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('--out and --explain: columns, ignored columns, assumptions and counts', () => {
    const out = join(cwd, 'no-nature.yaml');
    const run = runCli(['catalog', 'import', remFixture('layout-no-nature.xlsx'), '--out', out, '--explain'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Feuille « Exigences », en-tête en ligne 1.',
        'Colonnes lues :',
        '  A « ID » → id',
        '  B « Chapitre » → chapter',
        '  C « Fonction » → function',
        '  D « Exigence » → statement',
        '  E « Profil » → profile',
        '  F « N° scénario » → scenarioId',
        '  G « Scénario de conformité » → scenario',
        '  H « N° preuve » → proofId1',
        '  I « Preuve » → proof1',
        'Hypothèses :',
        '  pas de colonne « Nature de l’exigence » : toutes les exigences sont supposées de nature EXIGENCE.',
        'Résultat : 2 exigences, 2 scénarios, 2 preuves (2 lignes lues).',
        `Catalogue layout-no-nature écrit dans ${out} : 2 exigences, 2 scénarios, 2 preuves.`,
        '',
      ].join('\n'),
    );
    expect(parse(readFileSync(out, 'utf8')).requirements.map((r: { nature: string }) => r.nature)).toEqual(['EXIGENCE', 'EXIGENCE']);
  });

  it('--explain reports reviewer columns as ignored', () => {
    const run = runCli(['catalog', 'import', remFixture('layout-reviewer-columns.xlsx'), '--out', join(cwd, 'rev.yaml'), '--explain'], { cwd });
    expect(run.stdout).toContain('Colonnes ignorées :\n  Q « bon pour publication » (colonne de relecture ANS)\n');
    expect(run.stdout).toContain('  W « Rem Ségur » (colonne de relecture ANS)\n');
  });

  it('--sheet overrides detection', () => {
    const onReadme = runCli(['catalog', 'import', remFixture('layout-title-rows.xlsx'), '--sheet', 'Lisez-moi', '--out', join(cwd, 'x.yaml')], { cwd });
    expect(onReadme.status).toBe(2);
    expect(onReadme.stderr).toContain('En-têtes vus (première ligne non vide de chaque feuille) :\n  « Lisez-moi » : Référentiel d’exigences minimales (exemple fictif)\n');
    const missing = runCli(['catalog', 'import', remFixture('layout-title-rows.xlsx'), '--sheet', 'Nope'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      `segur : La feuille « Nope » n’existe pas dans ${remFixture('layout-title-rows.xlsx')}. Feuilles présentes : « Lisez-moi », « Exigences REM vague 2 ».\n`,
    );
    const chosen = runCli(['catalog', 'import', remFixture('layout-title-rows.xlsx'), '--sheet', 'exigences rem vague 2', '--out', join(cwd, 'x.yaml')], { cwd });
    expect(chosen.status).toBe(0);
  });

  it.skipIf(!hasCorpus)('--columns maps an unknown layout (raw Squash export)', () => {
    const out = join(cwd, 'full.yaml');
    const run = runCli(['catalog', 'import', corpusPath('rem/ans-squash-templates/export_full_lgc.xlsx'), '--columns', columnsFixture('export_full_lgc.yaml'), '--out', out], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Catalogue export_full_lgc écrit dans ${out} : 12 exigences, 0 scénario, 0 preuve.\n`);
  });

  it('--explain names --columns entries that match no column', () => {
    const map = join(cwd, 'partial-map.yaml');
    writeFileSync(map, 'columns:\n  Identifiant: id\n  Exigence: statement\n  Colonne absente: comment\n');
    const run = runCli(['catalog', 'import', remFixture('layout-no-nature.xlsx'), '--columns', map, '--explain', '--out', join(cwd, 'partial.yaml')], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  entrées de --columns sans colonne correspondante dans l’en-tête : « Identifiant », « Colonne absente ».\n');
  });

  it('refuses an invalid columns map', () => {
    const map = join(cwd, 'map.yaml');
    writeFileSync(map, 'columns:\n  REQ_ID: identifiant\n');
    const run = runCli(['catalog', 'import', remFixture('layout-no-nature.xlsx'), '--columns', map], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^segur : Fichier de correspondance des colonnes .*map\.yaml invalide : « columns › REQ_ID » : valeur non permise \(valeurs permises : scope, id, /);
  });
});

describe('startup cost', () => {
  it('never loads exceljs to import, list or show a catalog', () => {
    // A CommonJS preload that reports every module file loaded from exceljs.
    const hook = join(cwd, 'trace-exceljs.cjs');
    writeFileSync(
      hook,
      "const Module = require('module'); const load = Module._load; Module._load = function (request, parent, isMain) { if (/exceljs/.test(request)) process.stderr.write('LOADED exceljs\\n'); return load.apply(this, arguments); };\n",
    );
    const env = { NODE_OPTIONS: `--require ${hook}` };
    const runs = [
      runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--out', join(cwd, 'trace.yaml'), '--explain'], { cwd, env }),
      runCli(['catalog', 'list'], { cwd, env }),
      runCli(['catalog', 'show', 'REM-SAMPLE-LGC', '--format', 'json'], { cwd, env }),
    ];
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
    expect(runs.map((run) => run.stderr)).toEqual(['', '', '']);
  });
});

describe('bad input exits 2 with a short French message, file and row, no stack trace', () => {
  const cases: [string, string][] = [
    ['bad-csv-named.xlsx', 'n’est pas un classeur Excel (.xlsx) : ce n’est pas une archive zip (un CSV ou un texte renommé en .xlsx ?)'],
    ['bad-legacy.xls', 'est un conteneur OLE : un ancien classeur .xls ou un classeur .xlsx chiffré par mot de passe.'],
    ['bad-encrypted.xlsx', 'est un conteneur OLE : un ancien classeur .xls ou un classeur .xlsx chiffré par mot de passe.'],
    ['bad-no-header.xlsx', 'n’a d’en-tête de REM reconnaissable'],
    ['bad-two-statements.xlsx', ', feuille « Exigences » : l’exigence INS/va1.01 a deux valeurs différentes dans la colonne « Exigence », ligne 2 et ligne 4.'],
    ['bad-proof-without-scenario.xlsx', ', feuille « Exigences », ligne 3 : la preuve DMP/va1.01.02.01 n’est rattachée à aucun scénario'],
    ['hostile-zip-bomb.xlsx', 'refusé avant décompression : l’archive déclare plus de 100 Mo une fois décompressée (bombe zip ?).'],
    ['hostile-doctype.xlsx', 'refusé : la partie xl/worksheets/sheet1.xml contient une déclaration DOCTYPE'],
  ];
  it.each(cases)('%s', (name, message) => {
    const out = join(cwd, `${name}.yaml`);
    const run = runCli(['catalog', 'import', remFixture(name), '--out', out], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith('segur : ')).toBe(true);
    expect(run.stderr).toContain(remFixture(name));
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('the DOCTYPE secret never reaches any output', () => {
    const secret = readFileSync(remFixture('hostile-secret.txt'), 'utf8').trim();
    const run = runCli(['catalog', 'import', remFixture('hostile-doctype.xlsx'), '--explain', '--out', join(cwd, 'doctype.yaml')], { cwd: join(projectRoot, 'fixtures', 'rem') });
    expect(run.status).toBe(2);
    expect(`${run.stdout}${run.stderr}`).not.toContain('SECRET-SEGUR');
    expect(secret).toContain('SECRET-SEGUR');
  });

  it('--max-uncompressed-mb raises the bound, and must be a positive number', () => {
    const raised = runCli(['catalog', 'import', remFixture('hostile-zip-bomb.xlsx'), '--max-uncompressed-mb', '1'], { cwd });
    expect(raised.stderr).toContain('plus de 1 Mo');
    const bad = runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--max-uncompressed-mb', 'beaucoup'], { cwd });
    expect(bad).toMatchObject({ status: 2, stderr: 'segur : Valeur « beaucoup » invalide pour --max-uncompressed-mb : donnez un nombre de Mo positif.\n' });
  });

  it('--out into a missing folder is an output error (the folder is not created)', () => {
    const out = join(cwd, 'absent-folder', 'x.yaml');
    const run = runCli(['catalog', 'import', remFixture('REM-SAMPLE-LGC.xlsx'), '--out', out], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `segur : Impossible d’écrire le fichier de sortie ${out} : fichier ou dossier introuvable (ENOENT)\nVérifiez que le dossier existe et que vous avez le droit d’y écrire.\n`,
    );
    expect(existsSync(join(cwd, 'absent-folder'))).toBe(false);
  });

  it('a missing workbook is named', () => {
    const run = runCli(['catalog', 'import', 'absent.xlsx'], { cwd });
    expect(run).toMatchObject({ status: 2, stderr: 'segur : Fichier introuvable : absent.xlsx\n' });
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['--lang', 'en', 'catalog', 'import', remFixture('bad-legacy.xls')], { cwd });
    expect(run.stderr).toBe(
      `segur: ${remFixture('bad-legacy.xls')} is an OLE container: a legacy .xls workbook or a password-encrypted .xlsx. Open it in Excel or LibreOffice, remove any password and save it as .xlsx.\n`,
    );
  });
});

describe('segur catalog show and list', () => {
  it('show --format json prints the catalog model', () => {
    const run = runCli(['catalog', 'show', 'REM-SAMPLE-LGC', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(parse(readFileSync(committedSample, 'utf8')));
  });

  it('show accepts a workbook and filters by profile (accents and case ignored)', () => {
    const run = runCli(['catalog', 'show', remFixture('REM-SAMPLE-LGC.xlsx'), '--profile', 'centre de sante', '--format', 'json']);
    expect(JSON.parse(run.stdout).requirements.map((r: { id: string }) => r.id)).toEqual(['LGC.MDV.06']);
  });

  it('show prints requirements, scenarios and proofs as text', () => {
    const run = runCli(['catalog', 'show', 'REM-SAMPLE-LGC', '--profile', 'Centre de santé']);
    expect(run.stdout).toBe(
      [
        'Échantillon de REM LGC pour segur (exemple fictif : ce n’est pas un texte de l’ANS) (REM-SAMPLE-LGC) — source REM-SAMPLE-LGC.xlsx, feuille « Exigences »',
        'Profils : Général, Centre de santé',
        '1 exigence, 1 scénario, 1 preuve pour le profil Centre de santé',
        '',
        'LGC.MDV.06  [EXIGENCE]  Gestion et partage des documents — Module centre de santé',
        '  Le logiciel DOIT permettre de rattacher un document au centre de santé où exerce le professionnel.',
        "  LGC.MDV.06.01  L'utilisateur rattache un document au centre de santé.",
        "    LGC.MDV.06.01.01  Capture d'écran",
        '',
      ].join('\n'),
    );
  });

  it('show refuses an unknown format in French', () => {
    expect(runCli(['catalog', 'show', 'REM-SAMPLE-LGC', '--format', 'xml'])).toMatchObject({
      status: 2,
      stderr: 'segur : Format « xml » inconnu pour catalog show : utilisez tty ou json.\n',
    });
  });

  it('show names the available ids for an unknown one', () => {
    const run = runCli(['catalog', 'show', 'REM-INCONNU'], { cwd: emptyDir });
    expect(run).toMatchObject({
      status: 2,
      stderr:
        `segur : Catalogue « REM-INCONNU » introuvable : cherché dans ${join(emptyDir, 'rem-catalogs')} (le dossier courant), puis ${join(process.cwd(), 'rem-catalogs')} (celui de segur). Catalogues disponibles : REM-SAMPLE-LGC. Importez le REM avec « segur catalog import REM.xlsx » depuis le dossier où vous lancez segur, ou donnez le chemin d’un fichier .yaml, .json ou .xlsx.\n`,
    });
  });

  it('list shows local and bundled catalogs with counts', () => {
    const run = runCli(['catalog', 'list'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'REM-SAMPLE-LGC  7 exigences, 8 scénarios, 10 preuves  Échantillon de REM LGC pour segur (exemple fictif : ce n’est pas un texte de l’ANS)  (rem-catalogs/)\n',
    );
    const elsewhere = runCli(['catalog', 'list'], { cwd: emptyDir });
    expect(elsewhere.stdout).toContain('(fourni avec segur)\n');
  });
});
