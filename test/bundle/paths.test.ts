import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePath, isLexicallyInside, proofFolderName, resolveInsideBundle } from '../../src/bundle/paths.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

const work = realpathSync(tempDir('segur-paths-'));
const root = join(work, 'bundle');
mkdirSync(join(root, 'proofs/inside'), { recursive: true });
mkdirSync(join(work, 'outside'), { recursive: true });
writeFileSync(join(root, 'proofs/inside/a.png'), 'x');
writeFileSync(join(work, 'outside/secret'), 'x');
symlinkSync('../../outside/secret', join(root, 'proofs/out-file'));
symlinkSync(join(work, 'outside'), join(root, 'proofs/out-dir'));
symlinkSync('inside/a.png', join(root, 'proofs/in-link'));
symlinkSync('loop', join(root, 'proofs/loop'));
afterAll(() => removeDir(work));

describe('isLexicallyInside', () => {
  it.each([
    ['proofs/a.png', true],
    ['./proofs/a.png', true],
    ['proofs/../a.png', false],
    ['..', false],
    ['/etc/passwd', false],
    ['C:\\Windows\\win.ini', false],
    ['c:relative', false],
    ['\\\\server\\share', false],
    ['proofs\\..\\..\\x', false],
    ['a\0b', false],
    ['', false],
  ])('%j → %s', (path, inside) => {
    expect(isLexicallyInside(path)).toBe(inside);
  });
});

describe('resolveInsideBundle', () => {
  it.each([
    ['proofs/inside/a.png', { ok: true, absolutePath: join(root, 'proofs/inside/a.png') }],
    ['proofs/in-link', { ok: true, absolutePath: join(root, 'proofs/inside/a.png') }],
    ['proofs/out-file', { ok: false, problem: 'symlink-escape' }],
    ['proofs/out-dir/secret', { ok: false, problem: 'symlink-escape' }],
    ['proofs/out-dir', { ok: false, problem: 'symlink-escape' }],
    ['proofs/loop', { ok: false, problem: 'symlink-escape' }],
    ['proofs/none.png', { ok: false, problem: 'not-found' }],
    ['../outside/secret', { ok: false, problem: 'path-escape' }],
    [join(work, 'outside/secret'), { ok: false, problem: 'path-escape' }],
  ])('%s', async (path, expected) => {
    expect(await resolveInsideBundle(root, path)).toEqual(expected);
  });
});

describe('names', () => {
  it('turns proof ids into folder names and paths into POSIX bundle paths', () => {
    expect(proofFolderName('SC.SSI/IE.58.01.01')).toBe('SC.SSI_IE.58.01.01');
    expect(bundlePath('./proofs\\a//b.png')).toBe('proofs/a/b.png');
  });
});
