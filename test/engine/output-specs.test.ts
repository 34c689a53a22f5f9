// `--format FMT[:PATH]` parsing (src/report/output.ts; tests kept with the engine's, as the check
// command's plumbing).
import { describe, expect, it } from 'vitest';
import { parseOutputSpecs } from '../../src/report/output.js';
import { isSegurError } from '../../src/errors.js';

function codeOf(values: string[]): string | undefined {
  try {
    parseOutputSpecs(values);
  } catch (error) {
    if (isSegurError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseOutputSpecs', () => {
  it.each([
    [[], [{ format: 'tty' }]],
    [['json'], [{ format: 'json' }]],
    [['json:out/r.json', 'tty'], [{ format: 'json', path: 'out/r.json' }, { format: 'tty' }]],
    [['json:/dev/stdout', 'sarif:/dev/stdout'], [{ format: 'json', path: '/dev/stdout' }, { format: 'sarif', path: '/dev/stdout' }]],
    [['sarif:C:\\ci\\r.sarif'], [{ format: 'sarif', path: 'C:\\ci\\r.sarif' }]],
    [['xlsx:r.xlsx', 'junit:j.xml'], [{ format: 'xlsx', path: 'r.xlsx' }, { format: 'junit', path: 'j.xml' }]],
  ])('%j', (values, specs) => {
    expect(parseOutputSpecs(values)).toEqual(specs);
  });

  it.each([
    [['pdf'], 'check/unknown-format'],
    [['xlsx'], 'check/binary-format-needs-path'],
    [['xlsx:'], 'check/binary-format-needs-path'],
    [['json', 'markdown'], 'check/stdout-taken'],
    // A colon with no file name is a forgotten name, not standard output (it was written there, exit 0).
    [['html:'], 'check/format-empty-path'],
    // Two formats into one file: the second would overwrite the first.
    [['html:r.html', 'json:r.html'], 'check/same-output-twice'],
    [['html:r.html', 'html:./r.html'], 'check/same-output-twice'],
  ])('%j → %s', (values, code) => {
    expect(codeOf(values)).toBe(code);
  });
});
