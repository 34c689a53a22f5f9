// Cached results (batch --resume, compiled CI-SIS packs) are keyed by segur's build: its version and
// a digest of its own code, so that two builds of one version never share results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest, toolBuild, toolVersion } from '../src/version.js';
import { removeDir, tempDir } from './e2e/helpers.js';

const work = tempDir('segur-version-');
afterAll(() => removeDir(work));

describe('toolBuild', () => {
  it('is the version, then a 16-digit digest of the code, the same on every call', () => {
    expect(toolBuild()).toMatch(new RegExp(`^${toolVersion().replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
    expect(toolBuild()).toBe(toolBuild());
  });

  it('changes with any code file (name or bytes), not with other files', () => {
    mkdirSync(join(work, 'code/sub'), { recursive: true });
    writeFileSync(join(work, 'code/a.js'), 'export const a = 1;\n');
    writeFileSync(join(work, 'code/sub/b.js'), 'export const b = 2;\n');
    const first = codeDigest(join(work, 'code'));
    writeFileSync(join(work, 'code/notes.md'), 'not code\n');
    expect(codeDigest(join(work, 'code'))).toBe(first);
    writeFileSync(join(work, 'code/sub/b.js'), 'export const b = 3;\n');
    const second = codeDigest(join(work, 'code'));
    expect(second).not.toBe(first);
    writeFileSync(join(work, 'code/sub/c.js'), '');
    expect(codeDigest(join(work, 'code'))).not.toBe(second);
  });
});
