// Zipped deposits (src/batch/zip-deposit.ts): what is written to disk is bounded by the zip's own size.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDeposit } from '../../src/batch/zip-deposit.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-deposit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('zip deposits', () => {
  it('refuses a small zip of zeros that would inflate far beyond its size, before writing it', async () => {
    const zip = join(scratch, 'bomb.zip');
    // 3 × 40 MB of zeros deflate to ≈ 120 KB: 1,000 times smaller than what they would write.
    writeFileSync(zip, writeZip([{ name: 'segur.yaml', data: Buffer.from('schema: segur-bundle/1\n') }, ...[1, 2, 3].map((n) => ({ name: `proofs/P/z${n}.bin`, data: Buffer.alloc(40 * 1024 * 1024) }))]));
    const into = mkdtempSync(join(scratch, 'into-'));
    const outcome = await extractDeposit(zip, into);
    expect(outcome).toMatchObject({ ok: false, code: 'batch/zip-inflation-budget' });
    const written = readdirSync(into, { recursive: true }).map(String).filter((name) => name.endsWith('.bin'));
    expect(written.length).toBeLessThan(3);
  });

  // The same files the batch folder walk ignores (find-bundles.ts) are ignored beside a zipped folder:
  // `zip -r depot.zip .` from a Finder-browsed folder carries its .DS_Store, Windows its Thumbs.db.
  it.each(['.DS_Store', 'Thumbs.db', 'desktop.ini', '__MACOSX/._depot', '._depot'])('finds the manifest of a zipped folder with %s beside it', async (junk) => {
    const zip = join(scratch, 'junk.zip');
    writeFileSync(zip, writeZip([{ name: 'depot/segur.yaml', data: Buffer.from('schema: segur-bundle/1\n') }, { name: junk, data: Buffer.from('x') }]));
    const into = mkdtempSync(join(scratch, 'into-'));
    expect(await extractDeposit(zip, into)).toEqual({ ok: true, bundleDir: join(into, 'depot') });
  });

  it('still refuses a zip whose top holds two folders and no manifest', async () => {
    const zip = join(scratch, 'two.zip');
    writeFileSync(zip, writeZip([{ name: 'a/segur.yaml', data: Buffer.from('schema: segur-bundle/1\n') }, { name: 'b/notes.txt', data: Buffer.from('x') }]));
    expect(await extractDeposit(zip, mkdtempSync(join(scratch, 'into-')))).toEqual({ ok: false, code: 'batch/zip-no-manifest', args: { manifest: 'segur.yaml' } });
  });

  it('refuses an entry name flagged UTF-8 that is not UTF-8 (macOS Latin-1 archivers), naming the byte, writing nothing', async () => {
    const zip = join(scratch, 'latin1-name.zip');
    const name = Buffer.concat([Buffer.from('proofs/P/capture-'), Buffer.from([0xe9]), Buffer.from('cran.png')]);
    writeFileSync(zip, writeZip([{ name: 'segur.yaml', data: Buffer.from('schema: segur-bundle/1\n') }, { name: '', rawName: name, data: Buffer.from('png') }]));
    const into = mkdtempSync(join(scratch, 'into-'));
    expect(await extractDeposit(zip, into)).toMatchObject({ ok: false, code: 'batch/zip-name-encoding', args: { entry: 'proofs/P/capture-', byte: 'E9', offset: 17 } });
    expect(readdirSync(into)).toEqual([]);
  });
});
