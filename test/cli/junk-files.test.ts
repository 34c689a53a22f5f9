// What Windows, macOS and Office leave in a folder never makes a proof "fournie", and is never listed
// in the checklist: one predicate for proof folders and `segur validate` (bundle/junk-files.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';
import { isJunkFileName } from '../../src/bundle/junk-files.js';

const JUNK = ['Thumbs.db', 'desktop.ini', 'Desktop.ini', '.DS_Store', '._statut.png', '~$compte-rendu.docx'];

let work: string;
beforeAll(() => {
  work = tempDir('segur-junk-');
});
afterAll(() => removeDir(work));

describe('junk files', () => {
  it('are recognised by name, and only them', () => {
    expect(JUNK.every(isJunkFileName)).toBe(true);
    expect(['statut.png', 'thumbs.png', 'desktop.ini.pdf', 'a~$b.docx', 'Thumbs.db.xml'].some(isJunkFileName)).toBe(false);
  });

  it('in a proof folder, do not make the proof provided, and are not listed in the checklist', () => {
    const bundle = copyFixtureBundle('missing-proof', work);
    const folder = join(bundle, 'proofs/INS_va1.02.02.01');
    mkdirSync(folder, { recursive: true });
    for (const name of JUNK) writeFileSync(join(folder, name), 'x');
    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { requirements: { id: string; verdict: string; proofs: { id: string; files: unknown[] }[] }[] };
    const requirement = report.requirements.find((result) => result.id === 'INS/va1.02')!;
    expect(requirement.verdict).toBe('incomplet');
    expect(requirement.proofs.find((proof) => proof.id === 'INS/va1.02.02.01')!.files).toEqual([]);
    const list = join(work, 'liste.md');
    expect(runCli(['checklist', bundle, '-o', list]).status).toBe(0);
    const text = readFileSync(list, 'utf8');
    expect(text).toContain('- [ ] **INS/va1.02.02.01** Capture d\'écran du statut d\'identité — **manquante**');
    for (const name of JUNK) expect(text).not.toContain(name);
  });
});
