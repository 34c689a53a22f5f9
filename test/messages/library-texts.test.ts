// Libraries explain problems in English (yaml, saxes, yauzl/zlib, zod, commander): what reaches the
// user is our wording, in French or English; the library's text only when we do not know it.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, type MessageArgs } from '../../src/messages/index.js';
import { parseManifest } from '../../src/bundle/manifest.js';
import { readXml } from '../../src/artefacts/xml/read-xml.js';
import { saxesReason } from '../../src/artefacts/xml/saxes-reason.js';
import { openXdmArchive } from '../../src/artefacts/xdm/open-archive.js';
import { importWorkbook } from '../../src/catalog/import.js';
import { SegurError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { z } from 'zod';
import { zodIssueArgs } from '../../src/io/zod-issue.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

/** English words the libraries use that our French never does. */
const ENGLISH = /\b(?:the|is|not|found|unexpected|invalid|must|tag|entity|signature|expected|received)\b/i;

function manifestError(text: string): SegurError {
  try {
    parseManifest(text, 'segur.yaml');
  } catch (error) {
    return error as SegurError;
  }
  throw new Error('no error');
}

describe('YAML parser texts', () => {
  it.each([
    ['a tab as indentation', 'schema: segur-bundle/1\nrequirements:\n\tINS/va1.01: {}\n', 'yaml/tab-as-indent'],
    // yaml reports an unclosed [ or { as BAD_INDENT: said as the missing bracket, not as misaligned keys.
    ['a missing closing bracket', 'schema: segur-bundle/1\nprofile: [Général\n', 'yaml/unclosed-flow'],
    ['a missing closing brace', 'schema: segur-bundle/1\neditor: { name: X\nrem: Y\n', 'yaml/unclosed-flow'],
    ['misaligned keys', 'schema: segur-bundle/1\neditor:\n    name: X\n  nie: "1"\n', 'yaml/bad-indent'],
    ['a shifted key', 'schema: segur-bundle/1\nrem: X\n  profile: Général\n', 'yaml/block-as-implicit-key'],
    // « : » then a blank inside an unquoted text: the fix is quoting the value, not a missing colon.
    ['« : » in an unquoted text', 'schema: segur-bundle/1\nrequirements:\n  DMP/va1.01:\n    justification: Le logiciel n’alimente pas le DMP : module non commercialisé.\n', 'yaml/colon-in-value'],
    ['« : » at the end of an unquoted text', 'schema: segur-bundle/1\nrem: Catalogue :\n', 'yaml/colon-in-value'],
    ['an unclosed quote', 'schema: segur-bundle/1\nrem: "X\n', 'yaml/missing-char'],
    ['a value starting with @', 'schema: segur-bundle/1\nrem: @REM\n', 'yaml/bad-scalar-start'],
    ['a bad escape', 'schema: segur-bundle/1\nrem: "C:\\dossier"\n', 'yaml/bad-dq-escape'],
  ])('%s: our own words', (_, text, code) => {
    const error = manifestError(text);
    expect(error.code).toBe('manifest/yaml-syntax');
    expect(error.args.detailCode).toBe(code);
    expect(formatMessage(error.code, error.args)).not.toMatch(ENGLISH);
    expect(formatMessage(error.code, error.args, { lang: 'en' })).not.toContain(String(error.args.detail));
  });

  it('a check on such a manifest says it in French (exit 2)', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'segur.yaml'), 'schema: segur-bundle/1\nrequirements:\n\tINS/va1.01: {}\n');
      expect(runCli(['check', dir]).stderr).toBe(
        `segur : ${dir}/segur.yaml, ligne 3, colonne 1 : YAML invalide (tabulation utilisée pour l’indentation : YAML n’accepte que des espaces). Corrigez la syntaxe (indentation, deux-points, guillemets).\n`,
      );
    } finally {
      removeDir(dir);
    }
  });
});

describe('saxes well-formedness texts', () => {
  const reasonOf = (xml: string): MessageArgs => {
    const outcome = readXml(Buffer.from(xml));
    if (outcome.status !== 'malformed') throw new Error(`not malformed: ${outcome.status}`);
    return saxesReason(outcome.detail);
  };

  it.each([
    ['<a><b></a>', 'xml/unexpected-close-tag'],
    ['</a>', 'xml/unmatched-closing-tag'],
    ['<a><b>', 'xml/unclosed-tag'],
    ['<a>&nbsp;</a>', 'xml/undefined-entity'],
    ['<a/>texte', 'xml/text-outside-root'],
    ['<a/><b/>', 'xml/second-root'],
    ['<x:a/>', 'xml/unbound-prefix'],
    ['<a b="1" b="2"/>', 'xml/duplicate-attribute'],
    ['<a b=1/>', 'xml/bad-attribute'],
    ['<a>&#0;</a>', 'xml/bad-character-reference'],
    ['<a>Dupont & fils</a>', 'xml/bare-ampersand'],
    [' <?xml version="1.0"?><a/>', 'xml/late-declaration'],
    ['<a><!-- a -- b --></a>', 'xml/bad-comment'],
  ])('%s → %s', (xml, code) => {
    const args = reasonOf(xml);
    expect(args.detailCode).toBe(code);
    expect(formatMessage('cda/not-well-formed', args)).not.toMatch(ENGLISH);
  });

  it('reach the user of segur validate in French or in English, the line not repeated', () => {
    const file = 'fixtures/cda/defects/not-well-formed.xml';
    expect(runCli(['validate', file]).stdout).toContain(
      `✘ ${file}:45 : Le document CDA n’est pas du XML bien formé : balise fermante inattendue. La chaîne officielle le refuse.\n`,
    );
    expect(runCli(['--lang', 'en', 'validate', file]).stdout).toContain(`✘ ${file}:45 : The CDA document is not well-formed XML: unexpected closing tag.`);
  });

  it('names the tag it quotes, and keeps an unknown reason as it is', () => {
    expect(formatMessage('cda/not-well-formed', reasonOf('<ClinicalDocument><title>'))).toBe(
      'Le document CDA n’est pas du XML bien formé : la balise <title> n’est jamais fermée. La chaîne officielle le refuse.',
    );
    expect(formatMessage('cda/not-well-formed', saxesReason('some new saxes text'))).toContain('some new saxes text');
  });
});

describe('zip reader texts', () => {
  it('an XDM archive that is not a zip, or is truncated', async () => {
    const notZip = await openXdmArchive(Buffer.from('pas une archive'));
    expect(notZip.status === 'refused' && formatMessage(notZip.finding.rule, notZip.finding.args)).toBe(
      'L’archive XDM ne peut pas être lue comme un zip : ce n’est pas une archive zip, ou elle est tronquée (sa fin est introuvable).',
    );
  });

  it('a truncated workbook', async () => {
    const dir = tempDir();
    try {
      const truncated = join(dir, 'tronque.xlsx');
      writeFileSync(truncated, readFileSync('fixtures/rem/REM-SAMPLE-LGC.xlsx').subarray(0, 3000));
      const error = await importWorkbook(truncated).then(
        () => undefined,
        (caught: SegurError) => caught,
      );
      expect(error?.code).toBe('catalog/zip-truncated');
      expect(formatMessage(error!.code, error!.args)).not.toMatch(ENGLISH);
    } finally {
      removeDir(dir);
    }
  });
});

describe('zod texts', () => {
  it.each([
    [z.object({ a: z.string() }), { a: 3 }, 'zod/expected-text'],
    [z.object({ a: z.string() }), {}, 'zod/missing'],
    [z.enum(['x', 'y']), 'z', 'zod/bad-value'],
    [z.number().min(0), -1, 'zod/too-small'],
    [z.union([z.string(), z.array(z.string())]), 3, 'zod/bad-union'],
    [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'zod/unknown-keys'],
  ] as const)('%#: our own words', (schema, input, code) => {
    const issue = (schema as z.ZodType).safeParse(input).error!.issues[0]!;
    const args = zodIssueArgs(issue);
    expect(args.detailCode).toBe(code);
    expect(formatMessage('catalog/file-invalid', { file: 'c.yaml', path: 'a', ...args })).not.toMatch(/Invalid input|expected|received/i);
  });

  it('a hand-edited catalog with a wrong type says so in French (exit 2)', () => {
    const dir = tempDir();
    try {
      const catalog = readFileSync('rem-catalogs/REM-SAMPLE-LGC.yaml', 'utf8').replace(/^title: .*$/m, 'title: [pas, un, texte]');
      writeFileSync(join(dir, 'cassé.yaml'), catalog);
      expect(runCli(['catalog', 'show', join(dir, 'cassé.yaml')]).stderr).toBe(
        `segur : Catalogue ${join(dir, 'cassé.yaml')} invalide : champ « title » : un texte est attendu. Régénérez-le avec « segur catalog import ».\n`,
      );
    } finally {
      removeDir(dir);
    }
  });
});
