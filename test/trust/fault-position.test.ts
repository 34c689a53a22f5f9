// Where a well-formedness fault is reported: at the first fault, with the 1-based line and column of
// the offending character, whatever the parser swallowed after it. A bare `&` (a free-text field
// pasted unescaped) makes saxes read a reference up to the next `;` or the end of the document: the
// fault must still point at the `&`, not at a far `;` or the last line (field case
// malformed-cda-position; SARIF and GitHub need a column ≥ 1).
import { describe, expect, it } from 'vitest';
import { readXml } from '../../src/artefacts/xml/read-xml.js';
import { validateCdaBytes } from '../../src/artefacts/cda/validator.js';
import { cdaDocument } from '../../scripts/fixtures/artefact-templates.js';

const fault = (text: string) => {
  const outcome = readXml(Buffer.from(text));
  return outcome.status === 'fault-after-tree' ? outcome.fault : outcome;
};

describe('the first well-formedness fault, where it is', () => {
  it.each([
    ['a bare & before the end of the document', '<a>\n<t>\nx & y</t>\n</a>\n', 3, 3],
    ['a bare & followed later by a ;', '<a>\n<t>R & D</t>\n<u>a; b</u>\n</a>', 2, 6],
    ['a bare & right before a tag', '<a><t>R&</t></a>', 1, 8],
    ['a bare & in an attribute value', '<a>\n  <t v="R & D"/>\n</a>', 2, 11],
    ['a bare & after astral characters and CRLF lines', '<a>\r\n<t>😀😀 & </t></a>', 2, 7],
    ['an & starting an unterminated reference', '<a>\n<t>AT&T rules</t>\n</a>', 2, 6],
  ])('%s', (_, text, line, column) => {
    expect(fault(text)).toMatchObject({ status: 'malformed', line, column });
  });

  it.each([
    ['an & inside a comment', '<a><!-- R & D --><t>x</t></a>'],
    ['an & inside CDATA', '<a><![CDATA[R & D]]></a>'],
    ['an & inside a processing instruction', '<?xml version="1.0"?><?tool a & b?><a/>'],
    ['entity and character references', '<a t="&lt;&#233;&#xE9;">&amp;&quot;&apos;&gt;</a>'],
  ])('%s is not a fault', (_, text) => {
    expect(readXml(Buffer.from(text)).status).toBe('ok');
  });

  it('keeps the parser’s own position for an undefined entity and for faults before an &', () => {
    expect(fault('<a>\n<t>&nbsp;</t></a>')).toMatchObject({ status: 'malformed', line: 2, column: 9, detail: 'undefined entity' });
    expect(fault('<a>\n<t></u> & </a>')).toMatchObject({ status: 'malformed', line: 2, column: 7, detail: 'unexpected close tag' });
  });

  it('places a bare & in a CDA header at its line, the CDA findings being that fault alone', () => {
    const lines = cdaDocument().split('\n');
    const title = lines.findIndex((line) => line.includes('<title>'));
    lines[title] = '  <title>CR biologie & hématologie</title>';
    expect(validateCdaBytes(Buffer.from(lines.join('\n'))).findings).toEqual([
      { rule: 'cda/not-well-formed', severity: 'error', args: expect.objectContaining({ detail: expect.any(String) }), line: title + 1, location: `ligne ${title + 1}`, column: 22 },
    ]);
  });
});
