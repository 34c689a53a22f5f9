// Property-based fuzzing (fast-check, fixed seed) of the readers that take bytes from untrusted
// hands: whatever the input, the outcome is a result or a known error (a finding, a SegurError),
// never another exception that would surface as « Erreur interne ». Run counts keep this file to a
// few seconds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SegurError } from '../../src/errors.js';
import { parseManifest } from '../../src/bundle/manifest.js';
import { readXml } from '../../src/artefacts/xml/read-xml.js';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { validateInsiBytes } from '../../src/artefacts/ins/validator.js';
import { validateEvsBytes } from '../../src/artefacts/evs/validator.js';
import { decodeText } from '../../src/io/decode.js';
import { bufferSource, sniff } from '../../src/bundle/sniff.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = 20261130;
const settings = (numRuns: number) => ({ seed: SEED, numRuns });

const validCda = readFileSync(fileURLToPath(new URL('../../fixtures/cda/valid-n1.xml', import.meta.url)));
const sampleManifest = readFileSync(fileURLToPath(new URL('../../fixtures/bundles/sample-ok/segur.yaml', import.meta.url)), 'utf8');

/** A valid document with a few bytes changed, inserted or cut: closer to real damage than noise. */
const mutated = (base: Buffer) =>
  fc
    .tuple(fc.nat(base.length - 1), fc.uint8Array({ minLength: 0, maxLength: 8 }), fc.nat(16), fc.boolean())
    .map(([at, inserted, removed, truncate]) => {
      const cut = truncate ? base.subarray(0, at) : Buffer.concat([base.subarray(0, at), Buffer.from(inserted), base.subarray(at + removed)]);
      return Buffer.from(cut);
    });

/** XML-ish noise: markup characters are frequent, so the parser goes deep into its states. */
const xmlNoise = fc
  .array(fc.oneof(fc.constantFrom('<', '>', '/', '?', '!', '&', ';', '"', "'", '=', ' ', '\n', ':', 'a', 'x', '[', ']', '-', '#', '&#', 'CDATA', '<!DOCTYPE', '<?xml', 'encoding="', 'UTF-16', 'xmlns:', '\u00e9', '\uFFFF', '\u0000'), fc.string({ maxLength: 3 })), { maxLength: 200 })
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

const bytesOrNoise = (base: Buffer) => fc.oneof(fc.uint8Array({ maxLength: 512 }).map((array) => Buffer.from(array)), xmlNoise, mutated(base));

describe('fuzz: the XML reader and the XML validators never throw', () => {
  it('readXml on any bytes ends in an outcome', () => {
    fc.assert(
      fc.property(bytesOrNoise(validCda), (bytes) => {
        const outcome = readXml(bytes);
        expect(typeof outcome.status).toBe('string');
      }),
      settings(400),
    );
  });

  it('CDA, INSi and EVS validators on any bytes give findings, not exceptions', () => {
    fc.assert(
      fc.property(bytesOrNoise(validCda), (bytes) => {
        for (const validate of [validateCdaBytes, validateInsiBytes, validateEvsBytes]) {
          const result = validate(bytes);
          expect(Array.isArray(result.findings)).toBe(true);
          for (const finding of result.findings) {
            if (finding.column !== undefined) expect(finding.column).toBeGreaterThanOrEqual(1);
            if (finding.line !== undefined) expect(finding.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      settings(250),
    );
  });

  it('a mutated CDA is either clean or reported, and a cut one is never clean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: validCda.length - 20 }), (at) => {
        const result = validateCdaBytes(validCda.subarray(0, at));
        expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true);
      }),
      settings(150),
    );
  });
});

describe('fuzz: the decoder and the kind detector', () => {
  it('decodeText on any bytes decodes or reports a positioned problem', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (array, xml) => {
        const decoded = decodeText(array, { xml });
        if (!decoded.ok && decoded.problem.kind === 'invalid-bytes') {
          expect(decoded.problem.line).toBeGreaterThanOrEqual(1);
          expect(decoded.problem.column).toBeGreaterThanOrEqual(1);
          expect(decoded.problem.byteOffset).toBeLessThan(array.length);
        }
        if (decoded.ok) expect(decoded.text.includes('\uFFFD') && !Buffer.from(array).includes(Buffer.from('\uFFFD'))).toBe(false);
      }),
      settings(500),
    );
  });

  it('sniff on any bytes names a kind', async () => {
    await fc.assert(
      fc.asyncProperty(bytesOrNoise(validCda), async (bytes) => {
        const sniffed = await sniff(bufferSource(bytes));
        expect(typeof sniffed.kind).toBe('string');
      }),
      settings(250),
    );
  });
});

describe('fuzz: the manifest loader', () => {
  const yamlNoise = fc
    .array(fc.oneof(fc.constantFrom(':', '-', ' ', '\n', '  ', '"', "'", '{', '}', '[', ']', '&a', '*a', '!!', '#', '|', '>', '? ', 'requirements', 'status', 'proofs', 'path', 'schema: segur-bundle/1'), fc.string({ maxLength: 4 })), { maxLength: 120 })
    .map((parts) => parts.join(''));
  const mutatedManifest = fc
    .tuple(fc.nat(sampleManifest.length - 1), fc.string({ maxLength: 6 }), fc.nat(12))
    .map(([at, inserted, removed]) => sampleManifest.slice(0, at) + inserted + sampleManifest.slice(at + removed));

  it('parseManifest on any text gives a manifest or a SegurError (exit 2), nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(yamlNoise, mutatedManifest, fc.string({ maxLength: 300 })), (text) => {
        try {
          parseManifest(text, 'segur.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(SegurError);
          const args = (error as SegurError).args;
          expect(args.file).toBe('segur.yaml');
        }
      }),
      settings(600),
    );
  });
});
