import { describe, expect, it } from 'vitest';
import { cleanCellText, cleanIdentifier } from '../../src/catalog/cell-text.js';
import { decodeHtmlEntities } from '../../src/catalog/html-entities.js';

describe('cleanCellText', () => {
  it.each([
    ['plain text stays as is', 'Le logiciel DOIT appeler INSi.', 'Le logiciel DOIT appeler INSi.'],
    ['plain line breaks are kept, CRLF normalised, trailing spaces dropped', 'ligne 1  \r\nligne 2\n', 'ligne 1\nligne 2'],
    ['paragraphs become lines', '<p>P1 : text </p><p>P2 : text 2</p>', 'P1 : text\nP2 : text 2'],
    ['<br/>, <BR/> and the stray </br> break lines', 'a</br>b<BR/>c<br />d', 'a\nb\nc\nd'],
    ['source line breaks inside HTML are only spaces', '<p>un\r\n   deux</p>', 'un deux'],
    ['bullets', 'Liste :<ul><li>un</li><li>deux</li></ul>fin', 'Liste :\n- un\n- deux\nfin'],
    ['ordered list honours start', '<ol start="3"><li>trois</li><li>quatre</li></ol>', '3. trois\n4. quatre'],
    ['nested lists are indented', '<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>', '- a\n  - a1\n- b'],
    ['a paragraph inside a list item keeps its bullet', '<ul><li><p>a</p></li></ul>', '- a'],
    ['a line break inside an item continues under the text', '<ul><li>b<br/>c</li></ul>', '- b\n  c'],
    ['inline tags are stripped', '<strong>description</strong> du <span style="x">cas</span>', 'description du cas'],
    ['empty paragraphs and &nbsp; padding vanish', '<p>texte&nbsp;&nbsp; </p><p>&nbsp;</p><p> </p>', 'texte'],
    ['entities once', '<p>Lorsqu&#39;une BAL est bloqu&eacute;e &amp; &quot;trac&eacute;e&quot;</p>', 'Lorsqu\'une BAL est bloquée & "tracée"'],
    ['entities escaped twice, in HTML', '<p>L&amp;#39;INS qualifi&amp;eacute;e</p>', "L'INS qualifiée"],
    ['entities escaped twice, in plain text', 'L&amp;#39;INS qualifi&amp;eacute;e &amp;amp; v&#xE9;rifi&#233;e', "L'INS qualifiée & vérifiée"],
    ['escaped markup is text, never markup', '&lt;p&gt;texte&lt;/p&gt;', '<p>texte</p>'],
    ['unknown entities stay as written', 'a &foo; b', 'a &foo; b'],
    ['object property names are not entities', '&constructor; &toString; &__proto__;', '&constructor; &toString; &__proto__;'],
    ['empty', '', ''],
  ])('%s', (_name, raw, expected) => {
    expect(cleanCellText(raw)).toBe(expected);
  });

  it('makes identifiers one line', () => {
    expect(cleanIdentifier(' INS/va1.01\n')).toBe('INS/va1.01');
    expect(cleanIdentifier('<p>MSS/CDA.01.01</p>')).toBe('MSS/CDA.01.01');
  });

  it('stops decoding after three passes and refuses invalid code points', () => {
    expect(decodeHtmlEntities('&amp;amp;amp;amp;')).toBe('&amp;');
    expect(decodeHtmlEntities('&#0; &#xD800; &#1114112;')).toBe('&#0; &#xD800; &#1114112;');
  });
});
