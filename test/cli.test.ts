import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from './helpers/cli.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('segur CLI shell', () => {
  it('prints its version', () => {
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('exits 2 with a French message on an unknown command, without a stack trace', () => {
    const run = runCli(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('segur : Commande inconnue « frobnicate ». Consultez « segur --help » pour la liste des commandes.\n');
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['--lang', 'en', '--frob']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown option "--frob"');
  });
});
