// The handed body mutants of ANS examples (../shared/corpus/cisis/mutants/): segur's volet packs
// must fail exactly the asserts the official chain (Saxon-HE, ISO skeleton) failed — same
// locations, same texts — and fire as many rules. Each mutant runs the volet the official run used.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPack } from '../../src/cisis/run/run-pack.js';
import { corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { mutantsDir, normalise, official, officialFailures, packFor } from './corpus.js';

const mutants = Object.entries(official('mutants.official.json'));

describe.skipIf(!hasCorpus)(`CI-SIS mutants against the official chain${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  it('has the handed mutants (56, 15 of which the official chain fails on their volet)', () => {
    expect(mutants).toHaveLength(56);
    expect(mutants.filter(([, entry]) => entry.volet!.failed_asserts.length > 0)).toHaveLength(15);
  });

  it.each(mutants)('%s', (name, entry) => {
    const { prepared } = packFor(entry.volet_sch!);
    const run = runPack(prepared, readFileSync(mutantsDir + name, 'utf8'));
    const errors = run.findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => `${finding.location} | ${normalise(String(finding.args.ansText))}`).sort()).toEqual(officialFailures(entry.volet));
    expect(run.findings.filter((finding) => finding.severity !== 'error')).toEqual([]);
    expect(run.firedRules).toBe(entry.volet!.fired_rules);
    for (const finding of errors) expect(finding.line).toBeGreaterThan(0);
  });
});
