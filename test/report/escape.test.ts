import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, escapeMarkup, stripXmlInvalid } from '../../src/report/render/escape.js';
import { inertText } from '../../src/report/render/spreadsheet-text.js';
import { escapeData, escapeProperty } from '../../src/report/formats/github.js';

describe('markup escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`a & "b" 'c'`, 'a &amp; &quot;b&quot; &#39;c&#39;'],
    ['é ü — ’', 'é ü — ’'],
    // Controls are shown as escapes (render/escape.ts, neutraliseControls); what XML cannot hold otherwise (lone surrogates) is U+FFFD.
    ['bell\u0007 nul\u0000 \u202E \uD800', 'bell\\x07 nul\\x00 \\u202e \uFFFD'],
    ['a\rb', 'a&#13;b'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
  });

  it('replaces what XML 1.0 cannot hold, keeps tab/LF/CR and astral characters', () => {
    expect(stripXmlInvalid('a\tb\nc\rd\u000Be\uFFFEf\uD800g😀')).toBe('a\tb\nc\rd\uFFFDe\uFFFDf\uFFFDg😀');
  });
});

describe('markdown escaping', () => {
  it.each([
    ['**gras** _x_ `code` [lien](http://x) a|b ~~s~~', '\\*\\*gras\\*\\* \\_x\\_ \\`code\\` \\[lien\\](http://x) a\\|b \\~\\~s\\~\\~'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['- pas une liste', '\\- pas une liste'],
    ['# pas un titre', '\\# pas un titre'],
    ['ligne 1\nligne 2', 'ligne 1 ligne 2'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });
});

describe('formula injection guard', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+33 1 23', `'+33 1 23`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['texte = normal', 'texte = normal'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(inertText(input)).toBe(expected);
  });
});

describe('GitHub workflow command escaping', () => {
  it('encodes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% ok\r\nfin: a,b')).toBe('100%25 ok%0D%0Afin: a,b');
    expect(escapeProperty('C:/dossier,v2\n%')).toBe('C%3A/dossier%2Cv2%0A%25');
  });
});
