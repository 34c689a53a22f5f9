// ANS's 94 example documents: no volet error (the official chain fails none), the same number of
// fired rules as the official run, and the selection table picks the volet each example declares
// in its `<?oxygen SCHSchema?>` line — from the header alone, the declaration removed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCda } from '../../src/artefacts/cda/read-cda.js';
import { runPack } from '../../src/cisis/run/run-pack.js';
import { declaredVolets } from '../../src/cisis/select/declared-volets.js';
import { headerFacts } from '../../src/cisis/select/header-facts.js';
import { selectVolet } from '../../src/cisis/select/select-volet.js';
import { corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { examplesDir, official, officialFailures, packFor } from './corpus.js';

const examples = Object.entries(official('examples.official.json'));

describe.skipIf(!hasCorpus)(`CI-SIS on ANS's examples${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  it('has the 94 examples, 90 with a volet', () => {
    expect(examples).toHaveLength(94);
    expect(examples.filter(([, entry]) => entry.volet_sch)).toHaveLength(90);
  });

  it.each(examples)('%s: the table selects the declared volet from the header alone', (name, entry) => {
    const bytes = readFileSync(examplesDir + name);
    const outcome = readCda(bytes);
    if (outcome.status !== 'cda') throw new Error(`${name}: ${outcome.status}`);
    const text = bytes.toString('utf8');
    const bodyTemplateIds = new Set([...text.matchAll(/templateId\s+root="([^"]+)"/g)].map((match) => match[1]));
    const choice = selectVolet({ ...headerFacts(outcome.document), hasTemplateId: (root) => bodyTemplateIds.has(root) });
    expect(choice.volet === undefined ? null : `CI-SIS_${choice.volet}.sch`).toBe(entry.volet_sch);
    // And the declaration itself, when the document has one, names the same volet.
    expect(declaredVolets(text).map((volet) => `CI-SIS_${volet}.sch`)).toEqual(entry.volet_sch ? [entry.volet_sch] : []);
  });

  it.each(examples.filter(([, entry]) => entry.volet_sch))('%s: no volet error, fired rules as the official run', (name, entry) => {
    const run = runPack(packFor(entry.volet_sch!).prepared, readFileSync(examplesDir + name, 'utf8'));
    expect(run.findings).toEqual([]);
    expect(officialFailures(entry.volet)).toEqual([]);
    expect(run.firedRules).toBe(entry.volet!.fired_rules);
  });
});
