// The hostile-input suite (issue 9 point 6): each generated input of scripts/fixtures/hostile-inputs.ts
// through the built CLI — exit code, French message or finding codes, no stack trace, no file left
// behind (no temporary report file, no work folder) — and each output target kept as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, OTHER_INS, OUTPUT_CASES } from '../../scripts/fixtures/hostile-inputs.js';
import { FIXTURE_IDENTITY } from '../../scripts/fixtures/artefact-templates.js';
import { projectRoot, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'segur-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STACK_LINE = /\n\s+at .+:\d+:\d+/;

function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (name.endsWith('.tmp')) found.push(path);
      if (lstatSync(path).isDirectory()) walk(path);
    }
  };
  walk(dir);
  return found;
}

describe('hostile inputs end in a clear result', () => {
  it.each(HOSTILE_CASES.map((hostile) => [hostile.name, hostile] as const))('%s', (_name, hostile) => {
    const dir = mkdtempSync(join(scratch, `${hostile.name}-`));
    const args = hostile.make(dir, projectRoot);
    // Its own temporary folder: whatever segur would leave behind there is seen, and only that.
    const temporary = join(dir, '.tmpdir');
    mkdirSync(temporary);
    const run = runCli(args, { cwd: dir, env: { TMPDIR: temporary } });
    expect(run.status, run.stderr).toBe(hostile.expected.status);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('Erreur interne');
    if (hostile.expected.stderr) expect(run.stderr).toContain(hostile.expected.stderr);
    if (hostile.expected.codes) {
      const report = JSON.parse(run.stdout) as { findings?: { rule: string }[]; files?: { findings: { rule: string }[] }[] };
      const codes = new Set([...(report.findings ?? []), ...(report.files ?? []).flatMap((file) => file.findings)].map((finding) => finding.rule));
      for (const code of hostile.expected.codes) expect([...codes], code).toContain(code);
    }
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('masks an INS found in composites, labels and constraint texts in every format, unless revealed', () => {
    const hostile = HOSTILE_CASES.find((candidate) => candidate.name === 'ins-in-composites-and-texts')!;
    const dir = mkdtempSync(join(scratch, 'mask-'));
    hostile.make(dir, projectRoot);
    const formats = ['json', 'sarif', 'junit', 'markdown', 'html', 'csv', 'github', 'tty'];
    const clear = [FIXTURE_IDENTITY.ins, OTHER_INS, `${OTHER_INS.slice(0, 13)} ${OTHER_INS.slice(13)}`];
    for (const format of formats) {
      const run = runCli(['check', 'bundle', '--format', format], { cwd: dir });
      expect(run.status, format).toBe(1);
      for (const value of clear) expect(run.stdout, `${format} shows ${value}`).not.toContain(value);
    }
    const xlsx = runCli(['check', 'bundle', '--format', `xlsx:${join(dir, 'report.xlsx')}`], { cwd: dir });
    expect(xlsx.status).toBe(1);
    const revealed = runCli(['check', 'bundle', '--format', 'json', '--reveal-identifiers'], { cwd: dir });
    expect(revealed.stdout).toContain(OTHER_INS);
    expect(revealed.stdout).toContain(FIXTURE_IDENTITY.ins);
  });
});

describe('output targets are written through or refused, never replaced', () => {
  it.each(OUTPUT_CASES.map((output) => [output.name, output] as const))('%s', (_name, output) => {
    const dir = mkdtempSync(join(scratch, 'out-'));
    runCli(['init', join(dir, 'bundle'), '--rem', 'REM-SAMPLE-LGC']);
    const target = output.make(dir);
    const before = existsSync(target) || lstatSync(target, { throwIfNoEntry: false }) ? lstatSync(target) : undefined;
    const run = runCli(['check', join(dir, 'bundle'), '--format', `json:${target}`, '--format', 'tty']);
    expect(run.status, run.stderr).toBe(output.expected.status);
    if (output.expected.stderr) expect(run.stderr).toContain(output.expected.stderr);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const after = lstatSync(target, { throwIfNoEntry: false });
    if (before) {
      expect(after?.isSymbolicLink()).toBe(before.isSymbolicLink());
      expect(after?.isFIFO()).toBe(before.isFIFO());
      expect(after?.isCharacterDevice()).toBe(before.isCharacterDevice());
      expect(after?.isDirectory()).toBe(before.isDirectory());
    }
    if (output.name === 'symlink to a regular file') expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).schema).toBe('segur-report/1');
    expect(leftovers(dir)).toEqual([]);
  });
});

// The same targets through the other commands that write a file: `catalog import --out` (no bundle
// in its run: the two "into the bundle" cases do not apply) and `checklist --out` (its format comes
// from the extension: the target is reached through a `.md` name).
describe('catalog import --out and checklist --out keep their targets too', () => {
  const kept = (before: ReturnType<typeof lstatSync> | undefined, path: string) => {
    const after = lstatSync(path, { throwIfNoEntry: false });
    expect(after?.isSymbolicLink()).toBe(before?.isSymbolicLink());
    expect(after?.isFIFO()).toBe(before?.isFIFO());
    expect(after?.isCharacterDevice()).toBe(before?.isCharacterDevice());
  };

  it.each(OUTPUT_CASES.filter((output) => !/bundle/.test(output.name)).map((output) => [output.name, output] as const))('catalog import --out %s', (_name, output) => {
    const dir = mkdtempSync(join(scratch, 'import-'));
    const target = output.make(dir);
    const before = lstatSync(target, { throwIfNoEntry: false });
    const run = runCli(['catalog', 'import', join(projectRoot, 'fixtures/rem/REM-SAMPLE-LGC.xlsx'), '--out', target]);
    expect(run.status, run.stderr).toBe(output.expected.status === 1 ? 0 : 2);
    if (output.expected.stderr) expect(run.stderr).toContain(output.expected.stderr);
    expect(run.stderr).not.toMatch(STACK_LINE);
    if (before) kept(before, target);
    if (output.name === 'symlink to a regular file') expect(readFileSync(join(dir, 'real.json'), 'utf8')).toContain('schema: segur-catalog/1');
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    ['a link to /dev/full', (dir: string) => void symlinkSync('/dev/full', join(dir, 'list.md')), 2, 'ENOSPC'],
    ['a FIFO nobody reads', (dir: string) => void execFileSync('mkfifo', [join(dir, 'list.md')]), 2, 'ENXIO'],
    ['a link to /dev/null', (dir: string) => void symlinkSync('/dev/null', join(dir, 'list.md')), 0, undefined],
    ['a link to a regular file', (dir: string) => (writeFileSync(join(dir, 'real.md'), 'old'), symlinkSync('real.md', join(dir, 'list.md'))), 0, undefined],
  ] as const)('checklist --out %s', (name, make, status, stderr) => {
    const dir = mkdtempSync(join(scratch, 'checklist-'));
    make(dir);
    const target = join(dir, 'list.md');
    const before = lstatSync(target);
    const run = runCli(['checklist', join(projectRoot, 'fixtures/bundles/sample-ok'), '--out', target]);
    expect(run.status, run.stderr).toBe(status);
    if (stderr) expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(STACK_LINE);
    kept(before, target);
    if (name === 'a link to a regular file') expect(readFileSync(join(dir, 'real.md'), 'utf8')).toContain('INS/va1.01');
    expect(leftovers(dir)).toEqual([]);
  });
});
