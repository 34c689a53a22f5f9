// A manifest of more than MAX_LIBRARY_CHARS characters is read only when it is plain YAML (the yaml
// library, ≈0.5 s of CPU per MB, never reads more than that): anything else is refused at the line
// where it leaves plain YAML — a 2 MiB manifest with one alias at its end took 2.9 s (attack9).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../src/bundle/manifest.js';
import { MAX_LIBRARY_CHARS } from '../../src/io/yaml-plain.js';
import { SegurError } from '../../src/errors.js';
import { projectRoot } from '../helpers/cli.js';

const sample = readFileSync(join(projectRoot, 'fixtures/bundles/sample-ok/segur.yaml'), 'utf8');
/** The sample manifest with blank lines added until it passes the limit. */
const large = `${sample}${'\n'.repeat(MAX_LIBRARY_CHARS)}`;

function refusal(text: string): { code?: string; args?: unknown } {
  try {
    parseManifest(text, 'segur.yaml');
    return {};
  } catch (error) {
    expect(error).toBeInstanceOf(SegurError);
    return { code: (error as SegurError).code, args: (error as SegurError).args };
  }
}

describe('manifests of more than 1,000,000 characters', () => {
  const lastLine = large.split('\n').length;

  it('read as the same manifest when plain', () => {
    expect(parseManifest(large, 'segur.yaml').manifest).toStrictEqual(parseManifest(sample, 'segur.yaml').manifest);
  });

  it.each([
    ['an alias at the end', `${large}extra: *nothing\n`, lastLine, 8],
    ['a tab starting the last line', `${large}\tx: 1\n`, lastLine, 1],
  ])('refused at the line of %s', (_name, text, line, column) => {
    expect(refusal(text)).toEqual({ code: 'manifest/large-not-plain', args: { file: 'segur.yaml', line, column, max: MAX_LIBRARY_CHARS } });
  });
});
