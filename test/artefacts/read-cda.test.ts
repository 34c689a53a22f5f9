// The safe streaming read of a CDA: a large level-1 body is probed across read chunks without
// being kept, single-byte encodings are honoured, and the generated fixtures match the generator.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCdaFile } from '../helpers/artefact-files.js';
import { validateCdaFile } from '../helpers/artefact-files.js';
import { makeArtefactFixtures } from '../../scripts/fixtures/artefacts.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const validN1 = readFileSync(join(projectRoot, 'fixtures/cda/valid-n1.xml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'segur-read-cda-'));

/** The valid level-1 fixture with another base64 body. */
function withBody(name: string, base64: string): string {
  const path = join(dir, name);
  writeFileSync(path, validN1.replace(/representation="B64">[^<]*</, `representation="B64">${base64}<`));
  return path;
}

describe('level-1 body', () => {
  it('probes a 3 MB base64 PDF (76-column lines, many read chunks) and keeps only a summary', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_300_000, 0x41)]).toString('base64');
    const path = withBody('large.xml', pdf.replace(/.{76}/g, '$&\n'));
    const outcome = readCdaFile(path);
    expect(outcome.status).toBe('cda');
    if (outcome.status !== 'cda' || outcome.document.body.kind !== 'non-xml') throw new Error('level 1 expected');
    expect(outcome.document.body.payload).toEqual({ length: pdf.length, invalidCharacter: undefined, startsWithPdf: true });
    expect(outcome.document.body.text?.text).toBe('');
    expect(validateCdaFile(path).findings).toEqual([]);
  });

  it.each([
    ['a body that is not a PDF', Buffer.from('GIF89a, not a PDF').toString('base64'), 'non-PDF'],
    ['a body with a character outside base64', 'JVBERi0x*LjQK', '"*"'],
    ['an empty body', '', '∅'],
  ])('flags %s', (_name, body, found) => {
    const findings = validateCdaFile(withBody(`body-${found.length}-${body.length}.xml`, body)).findings;
    expect(findings.map((finding) => [finding.rule, finding.location, finding.args.found])).toEqual([
      ['cda/level1-body', '/ClinicalDocument/component/nonXMLBody/text/text()', found],
    ]);
  });
});

describe('encodings', () => {
  it('reads an ISO-8859-1 document as declared', () => {
    const path = join(dir, 'latin1.xml');
    // ’ has no ISO-8859-1 byte: the fixture's apostrophes become plain ones.
    const text = validN1
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replaceAll('’', "'")
      .replace('MARTINEAU-ESSAI', 'MARTINEAU-ÉSSAI');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const result = validateCdaFile(path);
    expect(result.findings).toEqual([]);
    expect(result.identities[0]?.birthFamilyName).toBe('MARTINEAU-ÉSSAI');
  });

  it('decodes numeric character references', () => {
    const path = join(dir, 'numeric-ref.xml');
    writeFileSync(path, validN1.replace('MARTINEAU-ESSAI', 'MARTINEAU&#160;ESSAI'));
    expect(validateCdaFile(path).identities[0]?.birthFamilyName).toBe('MARTINEAU\u00a0ESSAI');
  });
});

describe('fixture generator', () => {
  it('reproduces the committed fixtures/cda, fixtures/ins and the cda-wrong-ins-key bundle', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'segur-fixtures-'));
    await makeArtefactFixtures(fresh);
    for (const sub of ['fixtures/cda', 'fixtures/cda/defects', 'fixtures/ins', 'fixtures/ins/defects', 'fixtures/bundles/cda-wrong-ins-key']) {
      const files = readdirSync(join(fresh, sub), { withFileTypes: true }).filter((entry) => entry.isFile());
      expect(files.length, sub).toBeGreaterThan(0);
      for (const file of files) {
        expect(readFileSync(join(fresh, sub, file.name)).equals(readFileSync(join(projectRoot, sub, file.name))), `${sub}/${file.name}`).toBe(true);
      }
    }
  });
});
