// A proof folder nested deeper than the walk goes (16 folders under proofs/<proof>/) is not read: a
// file hidden there must not pass unseen while the requirement stays « conforme ». The first folder
// beyond the cap becomes an error naming it and the cap (file/folder-too-deep).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
beforeAll(() => {
  work = tempDir('segur-depth-');
});
afterAll(() => removeDir(work));

interface Report {
  requirements: { id: string; verdict: string; findings: { rule: string; file?: string; message: string }[] }[];
}

describe('proof folders nested beyond the walk', () => {
  it.each([
    [16, 0, 'conforme'],
    [17, 1, 'non-conforme'],
    [40, 1, 'non-conforme'],
  ])('%i folders deep: %i file/folder-too-deep, requirement %s', (depth, expected, verdict) => {
    const bundle = copyFixtureBundle('sample-ok', join(work, String(depth)));
    const levels = Array.from({ length: depth }, (_, index) => `n${index + 1}`);
    const folder = join(bundle, 'proofs/INS_va1.01.01.01', ...levels);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'cache.png'), 'x');
    const run = runCli(['check', bundle, '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    const requirement = report.requirements.find((result) => result.id === 'INS/va1.01')!;
    const flagged = requirement.findings.filter((finding) => finding.rule === 'file/folder-too-deep');
    expect(flagged.length).toBe(expected);
    expect(requirement.verdict).toBe(verdict);
    expect(run.status).toBe(expected === 0 ? 0 : 1);
    if (expected > 0) {
      const path = `proofs/INS_va1.01.01.01/${levels.slice(0, 17).join('/')}`;
      expect(flagged[0]!.file).toBe(path);
      expect(flagged[0]!.message).toBe(`Le dossier ${path} est au-delà de 16 niveaux de sous-dossiers sous le dossier de la preuve : son contenu n’est pas lu. Rapprochez ces fichiers du dossier de la preuve.`);
    }
  });
});
