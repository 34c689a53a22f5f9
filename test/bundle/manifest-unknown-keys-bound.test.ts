// A manifest with many unknown keys at one level: the refusal names them, but its message must stay
// readable and bounded — 90,000 unknown root keys (≈0.9 MB of YAML, read by the fast path) gave a
// message of ≈700,000 characters listing every one (hostile review 9b).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../src/bundle/manifest.js';
import { SegurError } from '../../src/errors.js';
import { projectRoot } from '../helpers/cli.js';

const sample = readFileSync(join(projectRoot, 'fixtures/bundles/sample-ok/segur.yaml'), 'utf8');

describe('a manifest with 90,000 unknown root keys', () => {
  it('is refused with a message of bounded size', () => {
    const text = `${sample}${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    let caught: unknown;
    try {
      parseManifest(text, 'segur.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SegurError);
    expect((caught as SegurError).code).toBe('manifest/unknown-key');
    expect(JSON.stringify((caught as SegurError).args).length).toBeLessThan(4_000);
    expect((caught as SegurError).args.key).toBe('k0, k1, k2, k3, k4, k5, k6, k7, k8, k9… (+89990)');
  });
});
