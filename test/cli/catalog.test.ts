// Catalog commands behaving like the rest: an unknown profile refused, ids kept readable, a catalog
// never replaced by another workbook's without --force, a non-catalog file named as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, projectRoot } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';
import { catalogIdFromFile } from '../../src/catalog/catalog-id.js';

let work: string;
beforeAll(() => {
  work = tempDir('segur-catalog-cli-');
});
afterAll(() => removeDir(work));

const fixture = (name: string) => join(projectRoot, 'fixtures/rem', name);

describe('segur catalog', () => {
  it('show --profile refuses a profile the catalog does not have (exit 2), as init and check do', () => {
    expect(runCli(['catalog', 'show', 'REM-SAMPLE-LGC', '--profile', 'Inexistant'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'segur : Profil « Inexistant » absent du catalogue REM-SAMPLE-LGC. Profils disponibles : Général, Centre de santé.\n',
    });
  });

  it('keeps accented letters readable in ids (Ségur → Segur, not S-gur)', () => {
    expect(catalogIdFromFile('REM-Ségur-Œuvre Va1.xlsx')).toBe('REM-Segur-OEuvre-Va1');
    expect(catalogIdFromFile('/a/REM-MDV-LGC-Va1.xlsx')).toBe('REM-MDV-LGC-Va1');
    expect(catalogIdFromFile('Éé.xlsx')).toBe('Ee');
    const dir = join(work, 'accents');
    mkdirSync(dir);
    copyFileSync(fixture('REM-SAMPLE-LGC.xlsx'), join(dir, 'REM-Ségur.xlsx'));
    const run = runCli(['catalog', 'import', 'REM-Ségur.xlsx'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Catalogue REM-Segur écrit dans rem-catalogs\/REM-Segur\.yaml/);
  });

  it('never replaces a catalog imported from another workbook of the same name, unless --force', () => {
    const dir = join(work, 'same-name');
    mkdirSync(join(dir, 'v1'), { recursive: true });
    mkdirSync(join(dir, 'v2'));
    copyFileSync(fixture('REM-SAMPLE-LGC.xlsx'), join(dir, 'v1/REM.xlsx'));
    copyFileSync(fixture('layout-no-nature.xlsx'), join(dir, 'v2/REM.xlsx'));
    expect(runCli(['catalog', 'import', 'v1/REM.xlsx'], { cwd: dir }).status).toBe(0);
    const first = readFileSync(join(dir, 'rem-catalogs/REM.yaml'), 'utf8');
    expect(runCli(['catalog', 'import', 'v1/REM.xlsx'], { cwd: dir }).status).toBe(0); // the same workbook again
    expect(runCli(['catalog', 'import', 'v2/REM.xlsx'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'segur : rem-catalogs/REM.yaml existe déjà et vient d’un autre classeur : deux REM portent le même nom de fichier. Choisissez un autre fichier avec --out, ou remplacez ce catalogue avec --force.\n',
    });
    expect(readFileSync(join(dir, 'rem-catalogs/REM.yaml'), 'utf8')).toBe(first);
    expect(runCli(['catalog', 'import', 'v2/REM.xlsx', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'rem-catalogs/REM.yaml'), 'utf8')).not.toBe(first);
  });
});

describe('what is not a catalog or a manifest', () => {
  it('--rem naming an existing file that is no catalog says so, not "not found in rem-catalogs/"', () => {
    writeFileSync(join(work, 'README.md'), '# lisez-moi\n');
    expect(runCli(['check', join(projectRoot, 'fixtures/bundles/sample-ok'), '--rem', 'README.md'], { cwd: work }).stderr).toBe(
      'segur : « README.md » n’est pas un catalogue REM : donnez un identifiant de rem-catalogs/ (segur catalog list), un catalogue .yaml ou .json, ou un classeur REM .xlsx.\n',
    );
  });

  it('a segur.json or segur.yml beside no segur.yaml gets a hint', () => {
    const dir = join(work, 'json-manifest');
    mkdirSync(dir);
    writeFileSync(join(dir, 'segur.json'), '{"schema": "segur-bundle/1"}\n');
    expect(runCli(['check', 'json-manifest'], { cwd: work }).stderr).toBe(
      'segur : Aucun manifeste json-manifest/segur.yaml, mais il y a json-manifest/segur.json : segur ne lit que le nom segur.yaml. Renommez segur.json en segur.yaml (son contenu peut rester tel quel : YAML, ou JSON, qui est du YAML valide).\n',
    );
    expect(existsSync(join(dir, 'segur.yaml'))).toBe(false);
  });

  // `--format json:segur.json` (the README's own example) writes a report: renaming it segur.yaml
  // would turn a report into an invalid manifest. Only a file that is not one of segur's outputs is named.
  it.each([
    ['compact', '{"schema":"segur-report/1","bundle":{}}\n'],
    ['indented', '{\n  "schema": "segur-report/1",\n  "bundle": {}\n}\n'],
    ['a batch summary', '{\n  "schema": "segur-batch/1"\n}\n'],
  ])('a segur.json that is a segur report (%s) gets no renaming hint', (_name, content) => {
    const dir = join(work, `report-json-${_name.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'segur.json'), content);
    expect(runCli(['check', dir], { cwd: work }).stderr).not.toContain('Renommez');
    expect(runCli(['check', dir], { cwd: work }).status).toBe(2);
  });
});
