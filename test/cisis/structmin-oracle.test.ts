// Structuration minimale stays native (src/artefacts/cda/rules/, ≈50× faster than Saxon); its
// schematron compiled by segur serves here as an oracle. On the header mutants of
// ../shared/corpus/cda/mutants/: (1) the compiled pack fails exactly the asserts the official run
// failed (mutants-svrl/, same locations and texts); (2) the native rules find an error exactly on
// the documents the pack flags (errors, and warnings the native rules make errors of) — plus the
// wrong INS key the schematron never checks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { runPack } from '../../src/cisis/run/run-pack.js';
import { corpusPath, corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { normalise, packFor } from './corpus.js';

const STRUCTMIN = 'profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch';
/**
 * Asserts the pack cannot check: their ART-DECOR vocabulary is missing from the tree (compile
 * diagnostic `document-missing`), while the official run had it. The native rule checks them.
 */
const NOT_IN_TREE: Record<string, string> = {
  '16_doc_code_not_in_J07.xml': "value set '1.2.250.1.213.1.1.5.471'",
};

const mutants = hasCorpus ? readdirSync(corpusPath('cda/mutants')).filter((file) => file.endsWith('.xml')).sort() : [];

/** Failed asserts of an SVRL report as `location | text`. */
function svrlFailures(svrl: string): string[] {
  return [...svrl.matchAll(/<svrl:failed-assert\b[^>]*?location="([^"]*)"[^>]*>[\s\S]*?<svrl:text>([\s\S]*?)<\/svrl:text>/g)]
    .map((match) => `${match[1]} | ${normalise(decode(match[2]!))}`)
    .sort();
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe.skipIf(!hasCorpus)(`structuration minimale: compiled pack as an oracle${hasCorpus ? '' : ` — ${corpusSkipReason}`}`, () => {
  it('has the 22 header mutants (and the base document)', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(22);
  });

  it.each(mutants)('%s', (name) => {
    const bytes = readFileSync(corpusPath(`cda/mutants/${name}`));
    const run = runPack(packFor(STRUCTMIN).prepared, bytes.toString('utf8'));
    const failed = run.findings.filter((finding) => finding.messageKey === 'cisis/assert');
    const official = svrlFailures(readFileSync(corpusPath(`cda/mutants-svrl/${name}`), 'utf8'));
    const missing = NOT_IN_TREE[name];
    expect(failed.map((finding) => `${finding.location} | ${normalise(String(finding.args.ansText))}`).sort()).toEqual(official.filter((line) => !missing || !line.includes(missing)));
    const nativeErrors = validateCdaBytes(bytes).findings.filter((finding) => finding.severity === 'error');
    const nativeBeyondSchematron = nativeErrors.filter((finding) => finding.rule !== 'ins/key');
    // The native rules make errors of what the schematron only warns about (artefact-rules.md §1.1: typeId).
    expect(nativeBeyondSchematron.length > 0, `native rules: ${nativeErrors.map((finding) => finding.rule).join(', ')}`).toBe(failed.length > 0 || missing !== undefined);
  });
});
