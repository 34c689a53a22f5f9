// `segur init`: manifest and proof folders for a profile; never overwrites; the result checks.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from './helpers.js';

const work = tempDir('segur-init-');
afterAll(() => removeDir(work));

describe('segur init', () => {
  it('writes every requirement of the profile as en-cours with its expected proofs, and the proof folders', () => {
    const dir = join(work, 'general');
    const run = runCli(['init', dir, '--rem', 'REM-SAMPLE-LGC']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Manifeste ${dir}/segur.yaml créé : 6 exigences du profil Général, 9 dossiers de preuves.\n`);
    const text = readFileSync(join(dir, 'segur.yaml'), 'utf8');
    expect(text).toContain('# Gestion de l\'INS — Appel au téléservice INSi (EXIGENCE, non conditionnelle)\n  INS/va1.01:\n');
    const manifest = parse(text);
    expect(manifest.schema).toBe('segur-bundle/1');
    expect(manifest.rem).toBe('REM-SAMPLE-LGC');
    expect(manifest.profile).toBe('Général');
    expect(Object.keys(manifest.requirements)).toEqual(['INS/va1.01', 'INS/va1.02', 'DMP/va1.01', 'MSS/va1.01', 'ERGO/va1.05', 'SC.SSI/IE.58']);
    expect(manifest.requirements['INS/va1.02']).toEqual({ status: 'en-cours', proofs: { 'INS/va1.02.01.01': [], 'INS/va1.02.02.01': [] } });
    expect(readdirSync(join(dir, 'proofs')).sort()).toEqual([
      'DMP_va1.01.01.01',
      'DMP_va1.01.01.02',
      'ERGO_va1.05.01.01',
      'INS_va1.01.01.01',
      'INS_va1.01.01.02',
      'INS_va1.02.01.01',
      'INS_va1.02.02.01',
      'MSS_va1.01.01.01',
      'SC.SSI_IE.58.01.01',
    ]);
  });

  it('gives a bundle that checks (every requirement incomplet) and fills by dropping files in the folders', () => {
    const dir = join(work, 'general');
    const run = runCli(['check', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ requirements: 6, incomplet: 6 });
  });

  it('never overwrites an existing manifest (exit 2)', () => {
    const dir = join(work, 'general');
    writeFileSync(join(dir, 'segur.yaml'), 'mine\n');
    const run = runCli(['init', dir, '--rem', 'REM-SAMPLE-LGC']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `segur : ${dir}/segur.yaml existe déjà : segur init ne remplace jamais un manifeste. Modifiez-le, ou supprimez-le pour repartir de zéro.\n`,
    );
    expect(readFileSync(join(dir, 'segur.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes another profile, and writes a catalog path relative to the manifest', () => {
    const dir = join(work, 'centre');
    const run = runCli(['init', dir, '--rem', 'rem-catalogs/REM-SAMPLE-LGC.yaml', '--profile', 'centre de sante']);
    expect(run.status).toBe(0);
    const manifest = parse(readFileSync(join(dir, 'segur.yaml'), 'utf8'));
    expect(manifest.profile).toBe('Centre de santé');
    expect(Object.keys(manifest.requirements)).toEqual(['LGC.MDV.06']);
    expect(runCli(['check', dir, '--format', 'json']).status).toBe(1);
  });

  it('refuses an unknown profile (exit 2) and writes nothing', () => {
    const dir = join(work, 'unknown');
    const run = runCli(['init', dir, '--rem', 'REM-SAMPLE-LGC', '--profile', 'Hôpital']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Profil « Hôpital » absent du catalogue REM-SAMPLE-LGC');
    expect(existsSync(dir)).toBe(false);
  });

  it('requires --rem', () => {
    expect(runCli(['init', join(work, 'x')]).status).toBe(2);
  });
});
