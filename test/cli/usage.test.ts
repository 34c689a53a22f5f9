// Usage errors in our words and in the order users expect (exit 2, one line, no stack trace).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { isIsoDate, runDate } from '../../src/cli/context.js';

const refused = (stderr: string) => ({ status: 2, stdout: '', stderr });

describe('usage errors', () => {
  it('too many arguments: our words, not commander’s', () => {
    expect(runCli(['check', 'dossier', 'de preuves'])).toEqual(
      refused('segur : Trop d’arguments pour « segur check » (1 attendu) : « de preuves » en trop. Un chemin avec des espaces s’écrit entre guillemets.\n'),
    );
    expect(runCli(['--lang', 'en', 'catalog', 'list', 'x']).stderr).toBe(
      'segur: Too many arguments for "segur catalog list" (0 expected): "x" too many. Quote a path with spaces.\n',
    );
  });

  it('a missing required option is named as missing, not as an option without value', () => {
    expect(runCli(['init', 'x'])).toEqual(
      refused('segur : Option obligatoire « --rem » absente : « segur init » ne peut pas s’en passer. Consultez « segur init --help ».\n'),
    );
    expect(runCli(['init', 'x', '--rem'])).toEqual(refused('segur : L’option « --rem » attend une valeur.\n'));
    // An option with a short form: both spellings, no stray comma (was « -o, »).
    expect(runCli(['check', 'fixtures/bundles/sample-ok', '-o'])).toEqual(refused('segur : L’option « -o / --output » attend une valeur.\n'));
  });

  it('`segur batch` alone complains about the missing folder first', () => {
    expect(runCli(['batch'])).toEqual(refused('segur : Argument manquant « dossier ». Consultez l’aide de la commande (--help).\n'));
    expect(runCli(['checklist', 'fixtures/bundles/sample-ok']).stderr).toBe(
      'segur : Option obligatoire « --out » absente : « segur checklist » ne peut pas s’en passer. Consultez « segur checklist --help ».\n',
    );
  });

  it('suggests the command or option meant', () => {
    expect(runCli(['chek'])).toEqual(
      refused('segur : Commande inconnue « chek » : vouliez-vous dire « check » ? Consultez « segur --help » pour la liste des commandes.\n'),
    );
    expect(runCli(['--lang', 'en', 'check', '--formt', 'json'])).toEqual(
      refused('segur: Unknown option "--formt": did you mean "--format"? See the command’s help (--help).\n'),
    );
  });
});

describe('run date', () => {
  it('refuses a --date that is not an ISO 8601 date that exists, before the run', () => {
    for (const value of ['hier', '2024-13-45']) {
      expect(runCli(['--date', value, 'check', 'fixtures/bundles/sample-ok', '--format', 'json'])).toEqual(
        refused(`segur : Date « ${value} » invalide pour --date : donnez une date ISO 8601 qui existe, par exemple 2026-03-14 ou 2026-03-14T09:30:00Z.\n`),
      );
    }
  });

  it('refuses a malformed SOURCE_DATE_EPOCH instead of ignoring it', () => {
    expect(runCli(['check', 'fixtures/bundles/sample-ok'], { env: { SOURCE_DATE_EPOCH: 'demain' } })).toEqual(
      refused(
        'segur : SOURCE_DATE_EPOCH vaut « demain » : ce doit être un nombre entier de secondes depuis le 1er janvier 1970 (par exemple $(git log -1 --format=%ct)). Corrigez la variable ou retirez-la.\n',
      ),
    );
  });

  it('accepts calendar dates and date-times that exist, and whole epochs', () => {
    expect(['2024-02-29', '2026-03-14T09:30:00Z', '2026-03-14T09:30', '2026-03-14T23:59:59.123+02:00'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '2026-04-31', '2026-03-14T24:00:00Z', '14/03/2026', '2026-3-14', ' 2026-03-14'].some(isIsoDate)).toBe(false);
    expect(runDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20.000Z');
    expect(runDate(undefined, { SOURCE_DATE_EPOCH: '' })).toBeUndefined();
    expect(() => runDate(undefined, { SOURCE_DATE_EPOCH: '-5' })).toThrow(expect.objectContaining({ code: 'cli/bad-source-date-epoch' }));
    expect(runDate('2026-03-14', { SOURCE_DATE_EPOCH: 'x' })).toBe('2026-03-14');
  });
});
