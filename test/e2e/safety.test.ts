// The bundle is read-only and its edges are walls: no input of the manifest or the folder tree can
// make segur read outside the bundle or write into it. Reads outside are proven with FIFOs: opening
// one for reading blocks until a writer comes, so any attempt would hang the run past its timeout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, projectRoot, segurBin } from '../helpers/cli.js';
import type { Report } from '../../src/report/model.js';
import { copyFixtureBundle, removeDir, tempDir, treeSnapshot } from './helpers.js';

const work = tempDir();
afterAll(() => removeDir(work));

const BUNDLES = [
  'sample-ok',
  'missing-proof',
  'undeclared-status',
  'unjustified-non-applicable',
  'non-applicable-not-conditional',
  'wrong-kind',
  'sha256-mismatch',
  'path-escape',
  'symlink-escape',
  'empty-file',
  'unknown-requirement-id',
  'preconisation-missing',
];

function check(bundle: string, extra: string[] = []) {
  const result = spawnSync(process.execPath, [segurBin, 'check', bundle, '--format', 'json', ...extra], {
    cwd: projectRoot,
    env: cliEnv(),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, signal: result.signal, report: result.stdout ? (JSON.parse(result.stdout) as Report) : undefined };
}

describe('the bundle is never written', () => {
  it.each(BUNDLES)('%s: same tree, sizes and mtimes after a check', (name) => {
    const bundle = join(projectRoot, 'fixtures/bundles', name);
    const before = treeSnapshot(bundle);
    const run = check(bundle, ['--format', `json:${join(work, `${name}.json`)}`, '--format', 'tty']);
    expect(run.signal).toBeNull();
    expect(treeSnapshot(bundle)).toEqual(before);
  });
});

describe('nothing outside the bundle is read', () => {
  const outside = join(work, 'outside');
  const bundle = copyFixtureBundle('sample-ok', work);
  mkdirSync(join(outside, 'dir'), { recursive: true });
  execFileSync('mkfifo', [join(outside, 'secret.fifo'), join(outside, 'dir', 'secret.fifo')]);
  // Every way out the manifest and the tree allow: `..`, absolute, NUL, file symlink, folder symlink.
  writeFileSync(
    join(bundle, 'segur.yaml'),
    `schema: segur-bundle/1
rem: REM-SAMPLE-LGC
profile: Général
requirements:
  INS/va1.01:
    status: conforme
    proofs:
      INS/va1.01.01.01:
        - path: ../outside/secret.fifo
        - path: ${join(outside, 'secret.fifo')}
        - path: "proofs/a\\0b"
        - path: proofs\\..\\..\\outside\\secret.fifo
      INS/va1.01.01.02:
        - path: proofs/INS_va1.01.01.02/link.xml
`,
  );
  symlinkSync(join(outside, 'secret.fifo'), join(bundle, 'proofs/INS_va1.01.01.02/link.xml'));
  removeDir(join(bundle, 'proofs/ERGO_va1.05.01.01'));
  symlinkSync(join(outside, 'dir'), join(bundle, 'proofs/ERGO_va1.05.01.01'));
  // A FIFO inside the bundle is not a file: refused without blocking.
  execFileSync('mkfifo', [join(bundle, 'proofs/SC.SSI_IE.58.01.01/pipe.log')]);

  it('reports each escape as a finding and never opens what lies outside', () => {
    const before = treeSnapshot(bundle);
    const run = check(bundle);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    const refused = run.report!.findings
      .filter((finding) => ['bundle/path-escape', 'bundle/symlink-escape', 'file/not-a-file'].includes(finding.rule))
      .map((finding) => [finding.rule, finding.file]);
    expect(refused).toEqual([
      ['bundle/path-escape', '../outside/secret.fifo'],
      ['bundle/path-escape', join(outside, 'secret.fifo')],
      ['bundle/symlink-escape', 'proofs/INS_va1.01.01.02/link.xml'],
      ['bundle/path-escape', 'proofs/a\u0000b'],
      ['bundle/path-escape', 'proofs\\..\\..\\outside\\secret.fifo'],
      ['bundle/symlink-escape', 'proofs/ERGO_va1.05.01.01'],
      ['file/not-a-file', 'proofs/SC.SSI_IE.58.01.01/pipe.log'],
    ]);
    expect(run.report!.requirements.filter((requirement) => requirement.verdict === 'non-conforme').map((requirement) => requirement.id)).toEqual([
      'INS/va1.01',
      'ERGO/va1.05',
      'SC.SSI/IE.58',
    ]);
    expect(treeSnapshot(bundle)).toEqual(before);
  });
});
