// Property-based fuzzing (fast-check, fixed seed) of the MSSanté message validator: whatever the
// bytes — a valid message damaged here and there, MIME-ish noise, random bytes — the outcome is
// findings, never an exception that would surface as « Erreur interne ».
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { validateEmlBytes } from '../../src/artefacts/eml/validator.js';
import { emlFixture } from '../helpers/eml.js';

const SEED = 20261130;
const patient = readFileSync(emlFixture('valid-patient.eml'));

/** The message with a few bytes changed, inserted or cut (its header, boundaries, base64…). */
const mutated = fc
  .tuple(fc.nat(patient.length - 1), fc.uint8Array({ minLength: 0, maxLength: 8 }), fc.nat(16), fc.boolean())
  .map(([at, inserted, removed, truncate]) =>
    truncate ? patient.subarray(0, at) : Buffer.concat([patient.subarray(0, at), Buffer.from(inserted), patient.subarray(at + removed)]),
  );

/** Header and MIME tokens in any order: the splitter and the decoders go through their states. */
const mimeNoise = fc
  .array(
    fc.oneof(
      fc.constantFrom('From: a@b.fr\r\n', 'To: ', '\r\n', '\r\n\r\n', ' ', '--b', '--b--', 'Content-Type: multipart/mixed; boundary=b\r\n', 'Content-Type: text/plain; charset=', 'utf-8', 'koi8-r', 'Content-Transfer-Encoding: ', 'base64', 'quoted-printable', '=?utf-8?Q?', '?=', '=E9', '"', '<', '>', '@', ',', ';', '(', ')', 'filename*=', "utf-8''", '%E9', 'X-MSS-INS: ', 'X-MSS-CODECDA: ', '\u00e9', '\u0000'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => Buffer.from(`From: a@b.fr\r\n${parts.join('')}`, 'latin1'));

describe('fuzz: the eml validator never throws', () => {
  it('gives findings on any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, mimeNoise, fc.uint8Array({ maxLength: 256 }).map((array) => Buffer.from(array))), async (bytes) => {
        const result = await validateEmlBytes(bytes);
        expect(Array.isArray(result.findings)).toBe(true);
        expect(result.findings.filter((finding) => finding.rule === 'eml/rule-crashed')).toEqual([]);
        for (const finding of result.findings) expect(JSON.stringify(finding)).not.toContain('\uFFFD');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
