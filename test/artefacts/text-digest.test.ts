// The XML text digest (src/artefacts/cda/text-digest.ts): the same document saved another way has
// the same digest; any change a parser would see gives another one.
import { describe, expect, it } from 'vitest';
import { decodedTextSha256, xmlTextSha256 } from '../../src/artefacts/cda/text-digest.js';

const TEXT = '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <title>Compte rendu d’essai</title>\n</ClinicalDocument>\n';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BASE = xmlTextSha256(utf8(TEXT));

describe('xmlTextSha256', () => {
  it.each<[string, Buffer]>([
    ['CR LF line endings', utf8(TEXT.replaceAll('\n', '\r\n'))],
    ['lone CR line endings', utf8(TEXT.replaceAll('\n', '\r'))],
    ['a UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)])],
    ['no final line break', utf8(TEXT.trimEnd())],
    ['no XML declaration', utf8(TEXT.replace(/^<\?xml[^>]*>\n/, ''))],
    ['UTF-16LE with a BOM, declared UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace('UTF-8', 'UTF-16'), 'utf16le')])],
  ])('same text: %s', (_name, bytes) => {
    expect(xmlTextSha256(bytes)).toBe(BASE);
  });

  it('same text: declared ISO-8859-15, read as such (é is one byte there)', () => {
    const text = TEXT.replace('’', 'é');
    expect(xmlTextSha256(Buffer.from(text.replace('UTF-8', 'ISO-8859-15'), 'latin1'))).toBe(xmlTextSha256(utf8(text)));
  });

  it.each<[string, string]>([
    ['a changed title', TEXT.replace('Compte rendu', 'Compte-rendu')],
    ['white space inside the document', TEXT.replace('  <title>', '    <title>')],
    ['a line break inside the document removed', TEXT.replace('">\n  <title>', '"><title>')],
  ])('other text: %s', (_name, text) => {
    expect(xmlTextSha256(utf8(text))).not.toBe(BASE);
  });

  it('is undefined for bytes that are not text in their encoding', () => {
    expect(xmlTextSha256(Buffer.concat([utf8('<?xml version="1.0" encoding="UTF-8"?><a>'), Buffer.from([0xe9]), utf8('</a>')]))).toBeUndefined();
  });

  // The shortcut over UTF-8 bytes gives the digest of the definition (decode, normalise, hash).
  it.each<[string, Buffer]>([
    ['the base document', utf8(TEXT)],
    ['no declaration', utf8(TEXT.replace(/^<\?xml[^>]*>\n/, ''))],
    ['declared utf8 in lower case', utf8(TEXT.replace('UTF-8', 'utf8'))],
    ['declared ISO-8859-1, ASCII only', utf8(TEXT.replace('UTF-8', 'ISO-8859-1').replace('’', "'"))],
    ['leading and trailing white space', utf8(`\n\t ${TEXT}  \n\n`)],
    ['a no-break space after the root', utf8(`${TEXT}\u00a0`)],
    ['an ideographic space before the root', utf8(`\u3000${TEXT}`)],
    ['invalid UTF-8', Buffer.concat([utf8(TEXT.slice(0, 60)), Buffer.from([0xc3, 0x28]), utf8(TEXT.slice(60))])],
    ['a form feed at the end', utf8(`${TEXT}\f`)],
    ['only white space', utf8('  \n')],
    ['empty', Buffer.alloc(0)],
  ])('the shortcut agrees with the definition: %s', (_name, bytes) => {
    expect(xmlTextSha256(bytes)).toBe(decodedTextSha256(bytes));
  });
});
