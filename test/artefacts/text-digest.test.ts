// The XML text digest (src/artefacts/cda/text-digest.ts): the same document saved another way has
// the same digest; any change a parser would see gives another one.
import { describe, expect, it } from 'vitest';
import { xmlTextSha256 } from '../../src/artefacts/cda/text-digest.js';

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
});
