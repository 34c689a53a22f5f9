// `segur batch` end to end on copies of the fixture bundles: statuses, matrix, files, exit codes.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir, treeSnapshot } from '../e2e/helpers.js';

interface BatchJson {
  schema: string;
  verdict: string;
  bundles: { name: string; status: string; reports: string[]; error?: { code: string } }[];
  matrix: { bundles: string[]; rows: { requirement: string; verdicts: (string | null)[] }[] };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function batchDir(...bundles: string[]): { root: string; input: string; out: string } {
  const root = tempDir('segur-batch-');
  dirs.push(root);
  const input = join(root, 'depots');
  mkdirSync(input);
  for (const bundle of bundles) copyFixtureBundle(bundle, input);
  return { root, input, out: join(root, 'rapports') };
}

function readBatch(out: string): BatchJson {
  return JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8')) as BatchJson;
}

describe('segur batch', () => {
  it('exits 0 when every bundle passes, with one report folder per bundle', () => {
    const { input, out } = batchDir('sample-ok', 'preconisation-missing');
    const run = runCli(['batch', input, '--out', out]);
    expect(run.status).toBe(0);
    const batch = readBatch(out);
    expect(batch.schema).toBe('segur-batch/1');
    expect(batch.verdict).toBe('pass');
    expect(batch.bundles.map((line) => [line.name, line.status])).toEqual([
      ['preconisation-missing', 'pass'],
      ['sample-ok', 'pass'],
    ]);
    expect(batch.bundles[1]!.reports).toEqual(['sample-ok/report.json', 'sample-ok/report.html']);
    expect(readdirSync(join(out, 'sample-ok')).sort()).toEqual(['report.html', 'report.json']);
    expect(JSON.parse(readFileSync(join(out, 'sample-ok/report.json'), 'utf8')).verdict).toBe('pass');
    expect(batch.matrix.rows.find((row) => row.requirement === 'ERGO/va1.05')!.verdicts).toEqual(['incomplet', 'conforme']);
  });

  it('exits 1 when one bundle fails, and lists its verdicts in the matrix', () => {
    const { input, out } = batchDir('sample-ok', 'cda-wrong-ins-key');
    const run = runCli(['batch', input, '--out', out, '--format', 'json', '--format', 'junit']);
    expect(run.status).toBe(1);
    const batch = readBatch(out);
    expect(batch.verdict).toBe('fail');
    expect(batch.matrix.bundles).toEqual(['cda-wrong-ins-key', 'sample-ok']);
    expect(batch.matrix.rows.map((row) => row.requirement)).toEqual([
      'INS/va1.01',
      'INS/va1.02',
      'DMP/va1.01',
      'MSS/va1.01',
      'ERGO/va1.05',
      'SC.SSI/IE.58',
    ]);
    expect(batch.matrix.rows[1]!.verdicts).toEqual(['non-conforme', 'conforme']);
    expect(existsSync(join(out, 'cda-wrong-ins-key/report.junit.xml'))).toBe(true);
    expect(readFileSync(join(out, 'matrix.csv'), 'utf8').split('\r\n')[2]).toBe('REM-SAMPLE-LGC;INS/va1.02;EXIGENCE;Non conforme;Conforme');
    expect(run.stdout).toContain('2 dossiers contrôlés, 1 en échec');
  });

  it('records a bundle it cannot check and still checks the others', () => {
    const { input, out } = batchDir('sample-ok');
    mkdirSync(join(input, 'broken'));
    writeFileSync(join(input, 'broken/segur.yaml'), 'schema: segur-bundle/1\nrem: [unclosed\n');
    const run = runCli(['batch', input, '--out', out]);
    expect(run.status).toBe(1);
    const batch = readBatch(out);
    expect(batch.bundles.map((line) => [line.name, line.status])).toEqual([
      ['broken', 'error'],
      ['sample-ok', 'pass'],
    ]);
    expect(batch.bundles[0]!.reports).toEqual([]);
    expect(batch.matrix.rows[0]!.verdicts).toEqual([null, 'conforme']);
    expect(readFileSync(join(out, 'matrix.csv'), 'utf8')).toContain('INS/va1.01;EXIGENCE;impossible;Conforme');
  });

  it('gives byte-identical outputs on a second run and never writes into the bundles', () => {
    const { input, out, root } = batchDir('sample-ok', 'missing-proof');
    const before = treeSnapshot(input);
    runCli(['batch', input, '--out', out, '--format', 'json', '--format', 'html', '--format', 'csv']);
    const second = join(root, 'second');
    runCli(['batch', input, '--out', second, '--format', 'json', '--format', 'html', '--format', 'csv']);
    for (const file of ['batch.json', 'matrix.csv', 'batch.md', 'sample-ok/report.json', 'missing-proof/report.html', 'missing-proof/report.csv']) {
      expect(readFileSync(join(second, file)), file).toEqual(readFileSync(join(out, file)));
    }
    expect(treeSnapshot(input)).toEqual(before);
  });

  it.each([
    [['--jobs', '0'], '--jobs « 0 » : indiquez un nombre entier de 1 à 999.'],
    [['--format', 'pdf'], 'Format « pdf » inconnu pour --format'],
  ])('exits 2 on bad flags %j', (flags, message) => {
    const { input, out } = batchDir('sample-ok');
    const run = runCli(['batch', input, '--out', out, ...flags]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when the folder holds no bundle', () => {
    const { input, out } = batchDir();
    const run = runCli(['batch', input, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `segur : Aucun dossier de preuves dans ${input} : segur batch attend un sous-dossier par dossier de preuves, chacun avec son segur.yaml.\n`,
    );
  });

  it('exits 2, before checking anything, when --out lies inside a bundle', () => {
    const { input } = batchDir('sample-ok');
    const run = runCli(['batch', input, '--out', join(input, 'sample-ok/rapports')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sample-ok');
    expect(existsSync(join(input, 'sample-ok/rapports'))).toBe(false);
  });
});
