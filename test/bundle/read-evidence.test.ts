import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/bundle/read-evidence.js';
import { removeDir, tempDir } from '../e2e/helpers.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';

const work = tempDir('segur-read-');
afterAll(() => removeDir(work));

describe('readEvidence', () => {
  it('hashes in one streaming pass and sniffs a multi-chunk zip by its central directory', async () => {
    // 3 MiB + 5 bytes stored: several 1 MiB reads; the IHE_XDM/ names lie only past them.
    const data = writeZip([
      { name: 'INDEX.HTM', data: randomBytes(3 * 1024 * 1024 + 5), stored: true },
      { name: 'IHE_XDM/SUBSET01/DOC0001.XML', data: Buffer.from('<a/>') },
    ]);
    const file = join(work, 'big.zip');
    writeFileSync(file, data);
    const facts = await readEvidence(file);
    expect(facts).toMatchObject({
      status: 'read',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      sniffed: { kind: 'xdm' },
    });
  });

  it('reads an empty file as 0 bytes', async () => {
    const file = join(work, 'empty.log');
    writeFileSync(file, '');
    expect(await readEvidence(file)).toMatchObject({ status: 'read', size: 0, sha256: createHash('sha256').digest('hex') });
  });

  it('says what it could not read', async () => {
    mkdirSync(join(work, 'folder'));
    expect(await readEvidence(join(work, 'folder'))).toEqual({ status: 'not-a-file' });
    expect(await readEvidence(join(work, 'missing'))).toEqual({ status: 'not-found' });
  });
});

describe('readEvidence with a bundle root', () => {
  it('reads a file whose opened path lies inside the root', async () => {
    const file = join(work, 'inside.log');
    writeFileSync(file, 'ok\n');
    expect(await readEvidence(file, undefined, realpathSync(work))).toMatchObject({ status: 'read', size: 3 });
  });

  it('refuses, before reading, a file whose opened path is outside the root (Linux /proc check)', async () => {
    const file = join(work, 'elsewhere.log');
    writeFileSync(file, 'secret\n');
    const expected = existsSync('/proc/self/fd') ? { status: 'symlink-escape' } : { status: 'read' };
    expect(await readEvidence(file, undefined, join(realpathSync(work), 'bundle'))).toMatchObject(expected);
  });
});
