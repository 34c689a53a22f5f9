// ANS's TestContenuCDA material in ../shared/corpus/cisis: volets compiled on demand (once per
// test file), the official chain's results (Saxon-HE, ISO skeleton) to compare with.
import { readFileSync } from 'node:fs';
import { compileSchematron } from '../../src/cisis/compile/compile-schema.js';
import type { Pack } from '../../src/cisis/pack.js';
import { preparePack, type PreparedPack } from '../../src/cisis/run/run-pack.js';
import { checkXPathSyntax } from '../../src/cisis/run/xpath-engine.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

export const cisisRoot = corpusPath('cisis');
export const examplesDir = corpusPath('cda/ans-examples/');
export const mutantsDir = corpusPath('cisis/mutants/');

export interface OfficialAssert {
  location: string;
  text: string;
  role: string | null;
}

export interface OfficialRun {
  failed_asserts: OfficialAssert[];
  errors: unknown[];
  fired_rules: number;
}

export interface OfficialEntry {
  volet_sch: string | null;
  volet?: OfficialRun;
  structmin: OfficialRun;
}

export function official(file: 'examples.official.json' | 'mutants.official.json'): Record<string, OfficialEntry> {
  return hasCorpus ? (JSON.parse(readFileSync(corpusPath(`cisis/${file}`), 'utf8')) as Record<string, OfficialEntry>) : {};
}

const packs = new Map<string, { pack: Pack; prepared: PreparedPack }>();

/** `CI-SIS_X.sch` (as the official results name it) → its compiled, prepared pack. */
export function packFor(schematron: string): { pack: Pack; prepared: PreparedPack } {
  let entry = packs.get(schematron);
  if (!entry) {
    const path = `schematrons/${schematron}`;
    const { pack } = compileSchematron(cisisRoot, path, { checkXPath: checkXPathSyntax });
    packs.set(schematron, (entry = { pack, prepared: preparePack(pack) }));
  }
  return entry;
}

export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Failed asserts as `location | text`, sorted: the form both sides are compared in. */
export function officialFailures(run: OfficialRun | undefined): string[] {
  return (run?.failed_asserts ?? []).map((failure) => `${failure.location} | ${normalise(failure.text)}`).sort();
}
