// Runs the built CLI (bin/segur.js → dist/) as a user would. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const segurBin = fileURLToPath(new URL('../../bin/segur.js', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a run: the caller's, made neutral — no colour (NO_COLOR), a locale that asks for
 * no language (C.UTF-8: French, segur's default), no SEGUR_LANG or FORCE_COLOR from the machine
 * running the tests. `env` entries override; `undefined` removes a variable. Node warns on stderr when
 * FORCE_COLOR and NO_COLOR are both set: a test setting FORCE_COLOR drops NO_COLOR.
 */
export function cliEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'SEGUR_LANG', 'SOURCE_DATE_EPOCH']) delete env[name];
  if ('FORCE_COLOR' in overrides && !('NO_COLOR' in overrides)) delete env.NO_COLOR;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeout?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [segurBin, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: cliEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
