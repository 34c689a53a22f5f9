// `--xsd`: CDA documents validated against TestContenuCDA's infrastructure/cda/CDA_extended.xsd by
// Debian's xmllint. Skipped, saying so, when xmllint is absent — except in CI (.ci/run installs it
// and sets SEGUR_REQUIRE_XMLLINT), where its absence fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusSkipReason, hasCorpus } from '../helpers/corpus.js';
import { cisisRoot, examplesDir, mutantsDir } from './corpus.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const required = process.env.SEGUR_REQUIRE_XMLLINT === '1';
const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'segur-cisis-xsd-')) };
const skip = !hasCorpus || (!hasXmllint && !required);
const why = !hasCorpus ? corpusSkipReason : 'xmllint absent (paquet libxml2-utils) : tests --xsd ignorés';

describe.skipIf(skip)(`segur validate --xsd${skip ? ` — ${why}` : ''}`, () => {
  it('reports each schema error as cda/xsd with its line; a valid document has none', () => {
    const run = runCli(['validate', '--format', 'json', '--cisis', cisisRoot, '--xsd', mutantsDir + 'AVC-EUNV_2022.01__m1_drop-attr.xml', examplesDir + 'VSM_1.4_2022.01.xml'], { env });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { findings: { rule: string; message: string }[] }[] };
    expect(report.files.map((file) => file.findings.filter((finding) => finding.rule === 'cda/xsd').map((finding) => finding.message))).toEqual([
      ["Non conforme au schéma CDA R2 (CDA_extended.xsd) : Element 'observation': The attribute 'moodCode' is required but missing."],
      [],
    ]);
    const text = runCli(['validate', '--cisis', cisisRoot, '--xsd', mutantsDir + 'AVC-EUNV_2022.01__m1_drop-attr.xml'], { env });
    expect(text.stdout).toContain(':1235 : Non conforme au schéma CDA R2');
  }, 60_000);

  it('says clearly when xmllint is missing (exit 2)', () => {
    const run = runCli(['validate', '--cisis', cisisRoot, '--xsd', examplesDir + 'VSM_1.4_2022.01.xml'], { env: { ...env, PATH: '/nonexistent' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('xmllint introuvable : --xsd valide avec xmllint (paquet Debian libxml2-utils');
  }, 60_000);
});

describe('--xsd usage', () => {
  it('needs --cisis (exit 2)', () => {
    const run = runCli(['validate', '--xsd', 'fixtures/cda/valid-n1.xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('L’option --xsd demande --cisis DOSSIER');
  });
});
