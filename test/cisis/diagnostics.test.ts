// The compile diagnostics of ANS's whole schematrons/ folder (the 59 volets and structuration
// minimale), listed in a snapshot. Each kind is explained in the README (« Règles de contenu
// CI-SIS », diagnostics de compilation): upstream defects met head-on, constructs not translated.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { cisisRoot, packFor } from './corpus.js';

const STRUCTMIN = 'profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch';

describe.skipIf(!hasCorpus)(`compile diagnostics of the CI-SIS schematrons${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  it('compiles the 59 volets into 748 patterns, 869 rules and 2,826 tests', () => {
    const volets = readdirSync(`${cisisRoot}/schematrons`).filter((file) => /^CI-SIS_.+\.sch$/.test(file));
    expect(volets).toHaveLength(59);
    const packs = volets.map((file) => packFor(file).pack);
    const rules = packs.flatMap((pack) => pack.patterns.flatMap((pattern) => pattern.rules));
    expect([packs.reduce((total, pack) => total + pack.patterns.length, 0), rules.length, rules.reduce((total, rule) => total + rule.checks.length, 0)]).toEqual([748, 869, 2826]);
  });

  it('lists every diagnostic (volets, then structuration minimale)', () => {
    const volets = readdirSync(`${cisisRoot}/schematrons`).filter((file) => /^CI-SIS_.+\.sch$/.test(file)).sort();
    const lines = [...volets, STRUCTMIN].flatMap((file) =>
      packFor(file).pack.diagnostics.map(
        (diagnostic) =>
          `${packFor(file).pack.volet} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.file}${diagnostic.line !== undefined ? `:${diagnostic.line}` : ''}${diagnostic.pattern ? ` [${diagnostic.pattern}]` : ''} ${JSON.stringify(diagnostic.args)}`,
      ),
    );
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
