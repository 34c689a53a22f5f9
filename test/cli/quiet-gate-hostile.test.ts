// --quiet with warnings failing the run (hostile review 9b): what each format shows must agree with
// the gate. A PRECONISATION's warning never fails the gate (src/engine/verdict.ts), so --quiet must
// not show it as if it did; and a run failed on a warning must show that warning in every format
// that explains the run (the CSV checklist has one row per proof: a bundle-level finding has none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixtureBundle, removeDir, tempDir } from '../e2e/helpers.js';

let work: string;
/** sample-ok with a proof id the REM does not know under the PRECONISATION ERGO/va1.05: one warning that never fails the gate. */
let preconisationWarned: string;
/** sample-ok with one requirement id the REM does not know: one bundle-level warning, the only thing --strict fails on. */
let bundleWarned: string;

beforeAll(() => {
  work = tempDir('segur-quiet-gate-');
  mkdirSync(join(work, 'a'));
  mkdirSync(join(work, 'b'));
  preconisationWarned = copyFixtureBundle('sample-ok', join(work, 'a'));
  const manifest = join(preconisationWarned, 'segur.yaml');
  const text = readFileSync(manifest, 'utf8');
  const edited = text.replace('  ERGO/va1.05:\n    status: conforme\n', '  ERGO/va1.05:\n    status: conforme\n    proofs:\n      ERGO/va1.05.99.99:\n        - path: proofs/ERGO_va1.05.01.01/apercu.mp4\n');
  expect(edited).not.toBe(text);
  writeFileSync(manifest, edited);
  bundleWarned = copyFixtureBundle('sample-ok', join(work, 'b'));
  writeFileSync(join(bundleWarned, 'segur.yaml'), `${readFileSync(join(bundleWarned, 'segur.yaml'), 'utf8')}  MSS/va9.99:\n    status: conforme\n`);
});
afterAll(() => removeDir(work));

describe('--quiet and the gate agree', () => {
  it('a PRECONISATION warning passes --strict and is not shown by -q (tty, json)', () => {
    const out = join(work, 'precon.json');
    const run = runCli(['check', preconisationWarned, '-q', '--strict', '--format', 'tty', '--format', `json:${out}`]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('ERGO/va1.05.99.99');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { requirements: { findings: unknown[] }[] };
    expect(report.requirements.flatMap((result) => result.findings)).toEqual([]);
  });

  // The CSV is the DSR proof checklist (one row per expected proof, docs/product.md): a bundle-level
  // finding has no proof row. The formats meant to explain a run (tty, json, junit, sarif, github,
  // markdown, html) all show it, --quiet or not.
  it('a run --strict fails on a bundle-level warning: every format that explains the run shows it', () => {
    for (const format of ['tty', 'json', 'junit', 'sarif', 'github', 'markdown', 'html']) {
      const out = join(work, `strict.${format}`);
      const run = runCli(['check', bundleWarned, '-q', '--strict', '--format', `${format}:${out}`]);
      expect(run.status, format).toBe(1);
      expect(readFileSync(out, 'utf8'), format).toContain('MSS/va9.99');
    }
  });
});
