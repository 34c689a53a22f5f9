// The hostile-input suite (issue 9 point 6): each generated input of scripts/fixtures/hostile-inputs.ts
// through the built CLI — exit code, French message or finding codes, no stack trace, no file left
// behind (no temporary report file, no work folder) — and each output target kept as it was.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
