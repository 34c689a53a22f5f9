import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesOfProofFolder, proofFolderNames } from '../../src/bundle/collect.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

const work = realpathSync(tempDir('segur-collect-'));
const root = join(work, 'bundle');
const write = (path: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x');
};
write('proofs/INS_va1.01.01.01/b.png');
write('proofs/INS_va1.01.01.01/a.png');
write('proofs/INS_va1.01.01.01/.DS_Store');
write('proofs/INS_va1.01.01.01/.hidden/c.png');
write('proofs/INS_va1.01.01.01/sous-dossier/d.png');
write('proofs/MSS_va1.01.01.01');
mkdirSync(join(work, 'outside'));
writeFileSync(join(work, 'outside/e.png'), 'x');
symlinkSync(join(work, 'outside'), join(root, 'proofs/ERGO_va1.05.01.01'));
symlinkSync(join(work, 'outside/e.png'), join(root, 'proofs/INS_va1.01.01.01/lien.png'));
afterAll(() => removeDir(work));

describe('filesOfProofFolder', () => {
  it('lists files of the folder and its real sub-folders, sorted, hidden ones skipped, symlinks unfollowed', async () => {
    expect(await filesOfProofFolder(root, 'INS/va1.01.01.01')).toEqual([
      'proofs/INS_va1.01.01.01/a.png',
      'proofs/INS_va1.01.01.01/b.png',
      'proofs/INS_va1.01.01.01/lien.png',
      'proofs/INS_va1.01.01.01/sous-dossier/d.png',
    ]);
  });

  it('returns a folder symlink leading outside as itself (to become a finding), never its content', async () => {
    expect(await filesOfProofFolder(root, 'ERGO/va1.05.01.01')).toEqual(['proofs/ERGO_va1.05.01.01']);
  });

  it('takes a file named like the folder as the evidence, and nothing when there is no folder', async () => {
    expect(await filesOfProofFolder(root, 'MSS/va1.01.01.01')).toEqual(['proofs/MSS_va1.01.01.01']);
    expect(await filesOfProofFolder(root, 'DMP/va1.01.01.01')).toEqual([]);
  });
});

describe('proofFolderNames', () => {
  it('lists the folders (and folder links) under proofs/', async () => {
    expect(await proofFolderNames(root)).toEqual(['ERGO_va1.05.01.01', 'INS_va1.01.01.01']);
  });
});
