// The 94 ANS example documents as the proof files of one requirement, through the built CLI: each
// is recognised as a CDA by its content (no `kind` declared), validated, and exactly the documents
// the corpus marks with a wrong INS key get `ins/key` errors. Skipped when ../shared is absent.
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusPath, corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import type { Report } from '../../src/report/model.js';
import { copyFixtureBundle, removeDir, tempDir, treeSnapshot } from './helpers.js';

interface Expected {
  ins: { key_valid: boolean }[];
}

describe.skipIf(!hasCorpus)(`segur check on the ANS example documents${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  const work = tempDir('segur-corpus-');
  afterAll(() => removeDir(work));

  it('sniffs every example as a CDA and flags exactly the documents with a wrong INS key', () => {
    const bundle = copyFixtureBundle('sample-ok', work);
    const folder = join(bundle, 'proofs/INS_va1.02.01.01');
    const names = readdirSync(corpusPath('cda/ans-examples')).sort();
    for (const name of names) copyFileSync(corpusPath(`cda/ans-examples/${name}`), join(folder, name));
    const expected = JSON.parse(readFileSync(corpusPath('cda/ans-examples.expected.json'), 'utf8')) as Record<string, Expected>;
    const before = treeSnapshot(bundle);

    const run = runCli(['check', bundle, '--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    const requirement = report.requirements.find((candidate) => candidate.id === 'INS/va1.02')!;
    const files = requirement.proofs.find((proof) => proof.id === 'INS/va1.02.01.01')!.files;
    // The manifest's own CDA first, then the folder's files in name order.
    expect(files.map((file) => file.path)).toEqual(['compte-rendu.xml', ...names].map((name) => `proofs/INS_va1.02.01.01/${name}`));
    expect(new Set(files.map((file) => file.kind))).toEqual(new Set(['cda']));

    const wrongKey = new Set(requirement.findings.filter((finding) => finding.rule === 'ins/key').map((finding) => finding.file));
    const expectedWrongKey = new Set(
      names.filter((name) => expected[name]?.ins.some((ins) => !ins.key_valid)).map((name) => `proofs/INS_va1.02.01.01/${name}`),
    );
    expect(expectedWrongKey.size).toBe(10);
    expect(wrongKey).toEqual(expectedWrongKey);
    expect(requirement.verdict).toBe('non-conforme');
    expect(run.status).toBe(1);
    expect(treeSnapshot(bundle)).toEqual(before);
  });
});
