// Colours as the conventions say: --color/--no-color first, then FORCE_COLOR, then NO_COLOR, then
// whether stdout is a terminal; the progress spinner follows the same choice.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { colorWanted } from '../../src/cli/context.js';
import { spinnerOptions } from '../../src/cli/progress.js';

const ESC = '\u001b[';

describe('colours', () => {
  it('FORCE_COLOR colours a pipe; --no-color wins over it; NO_COLOR and a pipe stay plain', () => {
    const args = ['validate', 'fixtures/cda/valid-n1.xml'];
    expect(runCli(args, { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runCli(['--no-color', ...args], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli(args).stdout).not.toContain(ESC);
  });

  it('decides in the documented order', () => {
    expect(colorWanted(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(colorWanted(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(colorWanted(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorWanted(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(colorWanted(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(colorWanted(undefined, {}, false)).toBe(false);
  });

  it('gives the spinner no colour when the run has none', () => {
    expect(spinnerOptions('fr', false).color).toBe(false);
    expect(spinnerOptions('fr', true).color).toBe('cyan');
    expect(spinnerOptions('en', false).text).toBe('Checking evidence: 0/0 files');
  });
});
