// Help as users of commander-style CLIs expect it: `segur` alone and `segur catalog` alone show the
// help (stdout, exit 0), `segur help X` is the help of X or a usage error, every text in the run's
// language (--lang, SEGUR_LANG, the locale), global options shown under each command.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildProgram } from '../../src/cli/program.js';
import { localiseDescriptions } from '../../src/cli/help.js';
import { formatMessage } from '../../src/messages/index.js';
import { resolveLang } from '../../src/cli/lang.js';

describe('segur help', () => {
  it('shows the help on stdout and exits 0 when no command is given', () => {
    const run = runCli([]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.startsWith('Utilisation : segur [options] [commande]\n\nVérifie un dossier de preuves Ségur')).toBe(true);
    expect(run.stdout).not.toContain('outputHelp');
    const catalog = runCli(['catalog']);
    expect(catalog).toMatchObject({ status: 0, stderr: '' });
    expect(catalog.stdout.startsWith('Utilisation : segur catalog [options] [commande]\n')).toBe(true);
    expect(catalog.stdout).not.toContain('display help for command');
  });

  it('`segur help X` shows the help of X; an unknown X is exit 2, not a help on stderr', () => {
    const run = runCli(['help', 'catalog', 'import']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('Utilisation : segur catalog import [options] <classeur>\n')).toBe(true);
    expect(runCli(['help', 'nope'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'segur : Commande inconnue « nope ». Consultez « segur --help » pour la liste des commandes.\n',
    });
  });

  it('shows no commander default such as "(par défaut : [])", and the global options under each command', () => {
    const run = runCli(['checklist', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/défaut : \[\]|default:|\(default/);
    expect(run.stdout).toContain('Options globales :\n');
    expect(run.stdout).toMatch(/\n {2}--lang <langue> +langue des messages et des rapports/);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(' -o, --out <fichier> fichier à écrire (obligatoire) : .xlsx, .csv ou .md ');
  });

  it('check --help lists the format names and the linter options', () => {
    const text = runCli(['check', '--help']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('tty, json, junit, sarif, github, markdown, html, xlsx, csv');
    for (const option of ['--fail-level <niveau>', '--strict', '--max-warnings <n>', '-q, --quiet', '-o, --output <fichier>']) expect(text).toContain(option);
  });

  // The batch options that bound one bundle's check and reuse an earlier batch: their texts come from
  // the help/batch.* keys of both catalogs, their value names too (no French placeholder in English).
  it.each([
    [
      'fr',
      [],
      'Utilisation : segur batch [options] <dossier>',
      [
        ' --resume reprend les résultats des dossiers inchangés depuis le dernier lot écrit dans --out ',
        ' --bundle-timeout <secondes> délai maximal du contrôle d’un dossier, en secondes (par défaut 600) ',
        ' --bundle-memory <Mo> mémoire maximale du contrôle d’un dossier, en Mo (tas JavaScript, par défaut 512) ',
        ' --out <dossier> dossier où écrire les rapports ',
        ' --rem <catalogue> catalogue REM imposé à tous les dossiers ',
      ],
    ],
    [
      'en',
      ['--lang', 'en'],
      'Usage: segur batch [options] <folder>',
      [
        ' --resume reuse the results of the bundles unchanged since the last batch written to --out ',
        ' --bundle-timeout <seconds> longest check of one bundle, in seconds (default 600) ',
        ' --bundle-memory <MB> most memory for the check of one bundle, in MB (JavaScript heap, default 512) ',
        ' --out <folder> folder to write the reports to ',
        ' --rem <catalog> REM catalog imposed on every bundle ',
        ' --profile <profile> profile imposed on every bundle (repeatable) ',
      ],
    ],
  ] as const)('batch --help in %s describes --resume, --bundle-timeout and --bundle-memory', (lang, before, usage, expected) => {
    const run = runCli([...before, 'batch', '--help']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(usage);
    const text = run.stdout.replace(/\s+/g, ' ');
    for (const line of expected) expect(text).toContain(line);
    if (lang === 'en') expect(run.stdout).not.toMatch(/dossier|secondes|<Mo>|catalogue|profil\b|Utilisation/);
  });

  it.each([
    ['--lang en', ['--lang', 'en', 'check', '--help'], {}],
    ['SEGUR_LANG=en', ['check', '--help'], { SEGUR_LANG: 'en' }],
    ['the locale', ['check', '--help'], { LANG: 'en_GB.UTF-8' }],
  ])('speaks English with %s, help included', (_, args, env) => {
    const run = runCli(args, { env });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('Usage: segur check [options] [folder]\n\ncheck an evidence bundle against its REM')).toBe(true);
    expect(run.stdout).toContain('Global options:\n');
    expect(run.stdout).not.toMatch(/dossier|Utilisation/);
  });

  it('prints the version with -v, -V and --version', () => {
    const version = runCli(['--version']).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runCli(['-v'])).toMatchObject({ status: 0, stdout: version });
    expect(runCli(['-V'])).toMatchObject({ status: 0, stdout: version });
  });
});

describe('the run language', () => {
  it('--lang comes before SEGUR_LANG, then the configuration, then the locale; other locales keep French', () => {
    expect(resolveLang('fr', { lang: 'en' }, { SEGUR_LANG: 'en', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { lang: 'en' }, { SEGUR_LANG: 'fr', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, { lang: 'en' }, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, undefined, { LC_MESSAGES: 'en_GB', LANG: 'fr_FR' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(resolveLang(undefined, undefined, { LANG: 'C.UTF-8' })).toBe('fr');
    expect(() => resolveLang('de', undefined, {})).toThrow(expect.objectContaining({ code: 'cli/bad-lang' }));
    expect(() => resolveLang(undefined, undefined, { SEGUR_LANG: 'EN' })).toThrow(expect.objectContaining({ code: 'cli/bad-lang-env' }));
  });

  it('refuses an unknown --lang or SEGUR_LANG (exit 2)', () => {
    expect(runCli(['--lang', 'de', 'catalog', 'list'])).toMatchObject({ status: 2, stderr: 'segur : Langue « de » inconnue pour --lang : utilisez fr ou en.\n' });
    expect(runCli(['catalog', 'list'], { env: { SEGUR_LANG: 'de' } })).toMatchObject({
      status: 2,
      stderr: 'segur : Langue « de » inconnue dans la variable SEGUR_LANG : utilisez fr ou en.\n',
    });
  });
});

describe('help texts', () => {
  it.each(['fr', 'en'] as const)('every command, option and argument has its description in %s', (lang) => {
    const program = buildProgram({ lang });
    const t = (code: string, args?: Record<string, string | number>) => formatMessage(code, args, { lang });
    expect(localiseDescriptions(program, t)).toEqual([]);
  });
});
