// A proof swapped while the run is under way (issue 9: "validators reopen files by path after
// hashing"): the validator's bytes come from a descriptor opened without following a final link,
// lying inside the bundle, and hashing to the SHA-256 the bundle reading recorded — otherwise the
// file is reported (artefacts/changed-during-run), never validated in place of the original.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArtefactBytes } from '../../src/artefacts/read-artefact.js';

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'segur-swap-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ORIGINAL = '<ClinicalDocument xmlns="urn:hl7-org:v3"/>\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A bundle holding proofs/doc.xml (hashed), and a file with other bytes outside it. */
function setUp(name: string) {
  const root = join(scratch, name);
  const bundle = join(root, 'bundle');
  mkdirSync(join(bundle, 'proofs'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(bundle, 'proofs/doc.xml'), ORIGINAL);
  writeFileSync(join(root, 'outside/doc.xml'), '<secret/>\n');
  const input = { absolutePath: join(bundle, 'proofs/doc.xml'), displayPath: 'proofs/doc.xml', kind: 'cda' as const, bundle: { realRoot: bundle, sha256: sha256(ORIGINAL) } };
  return { root, bundle, input };
}

describe('the bytes a validator gets are the bytes that were hashed', () => {
  it('unchanged: the bytes', async () => {
    const { input } = setUp('same');
    expect(await readArtefactBytes(input, 1024)).toEqual({ ok: true, bytes: Buffer.from(ORIGINAL) });
  });

  it.each([
    ['replaced by a link to a file outside', ({ root, bundle }: ReturnType<typeof setUp>) => (rmSync(join(bundle, 'proofs/doc.xml')), symlinkSync(join(root, 'outside/doc.xml'), join(bundle, 'proofs/doc.xml')))],
    ['its folder replaced by a link outside', ({ root, bundle }: ReturnType<typeof setUp>) => (renameSync(join(bundle, 'proofs'), join(root, 'moved')), symlinkSync(join(root, 'outside'), join(bundle, 'proofs')))],
    ['rewritten in place', ({ bundle }: ReturnType<typeof setUp>) => writeFileSync(join(bundle, 'proofs/doc.xml'), '<other/>\n')],
    ['removed', ({ bundle }: ReturnType<typeof setUp>) => rmSync(join(bundle, 'proofs/doc.xml'))],
  ])('%s: reported, not validated', async (name, swap) => {
    const setup = setUp(name.replace(/\W+/g, '-'));
    swap(setup);
    expect(await readArtefactBytes(setup.input, 1024)).toEqual({ ok: false, finding: { rule: 'artefacts/changed-during-run', severity: 'error', args: {} } });
  });
});
