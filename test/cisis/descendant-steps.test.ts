// `//name[p]` is evaluated as `/descendant::name[p]` only when the two are the same node set
// (run/descendant-steps.ts): a plain name test whose predicates are surely not positional. Each
// row is rewritten, or left as written, exactly; a few are also evaluated both ways.
import { describe, expect, it } from 'vitest';
import { descendantSteps, nonPositional } from '../../src/cisis/run/descendant-steps.js';
import { buildDocument } from '../../src/cisis/run/dom.js';
import { evaluateXPathToStrings, evaluationOptions } from '../../src/cisis/run/xpath-engine.js';
import { newRunState } from '../../src/cisis/run/value-sets.js';

describe('descendantSteps', () => {
  it.each([
    // rewritten
    ['//cda:entry', '/descendant::cda:entry'],
    ['.//cda:templateId[@root = "1.2"]', './descendant::cda:templateId[@root = "1.2"]'],
    ["//cda:entryRelationship[@typeCode='SUBJ']/cda:observation/cda:value/@code='O46'", "/descendant::cda:entryRelationship[@typeCode='SUBJ']/cda:observation/cda:value/@code='O46'"],
    ['count(//cda:x[cda:code][@nullFlavor]) = 1', 'count(/descendant::cda:x[cda:code][@nullFlavor]) = 1'],
    ['//*[cda:a and cda:b]', '/descendant::*[cda:a and cda:b]'],
    ['//cda:a[not(@x)]//cda:b', '/descendant::cda:a[not(@x)]/descendant::cda:b'],
    ['//cda:a[text()]', '/descendant::cda:a[text()]'],
    ['//cda:a[../cda:b/@c]', '/descendant::cda:a[../cda:b/@c]'],
    ['//cda:a[cda:b[1]]', '/descendant::cda:a[cda:b[1]]'],
    ['//cda:a[. >> $n]', '/descendant::cda:a[. >> $n]'],
    ['cda:x[.//cda:y]', 'cda:x[./descendant::cda:y]'],
    ['(//cda:a)[1]', '(/descendant::cda:a)[1]'],
    ['//cda:a[ancestor::cda:b]', '/descendant::cda:a[ancestor::cda:b]'],
    // left as written
    ['//cda:a[1]', '//cda:a[1]'],
    ['//cda:a[last()]', '//cda:a[last()]'],
    ['//cda:a[position() = 1]', '//cda:a[position() = 1]'],
    ['//cda:a[$n]', '//cda:a[$n]'],
    ['//cda:a[count(cda:b)]', '//cda:a[count(cda:b)]'],
    ['//cda:a[@n + 1]', '//cda:a[@n + 1]'],
    ['//cda:a[if (@x) then 1 else 2]', '//cda:a[if (@x) then 1 else 2]'],
    ['//cda:a[let $x := 1 return $x]', '//cda:a[let $x := 1 return $x]'],
    ['//cda:a[. => count()]', '//cda:a[. => count()]'],
    ['//cda:a[@x = 1, 2]', '//cda:a[@x = 1, 2]'],
    ['//cda:a[x / and / string-length(.)]', '//cda:a[x / and / string-length(.)]'],
    ['//cda:a[cda:b/position()]', '//cda:a[cda:b/position()]'],
    ['//@code', '//@code'],
    ['//text()', '//text()'],
    ['//node()', '//node()'],
    ['//self::cda:a', '//self::cda:a'],
    ['//descendant::cda:a', '//descendant::cda:a'],
    ['//.', '//.'],
    ['//*:a', '//*:a'],
    ['//Q{urn:hl7-org:v3}a', '//Q{urn:hl7-org:v3}a'],
    ['//cda:abé[1]', '//cda:abé[1]'],
    ['//cda:a[@x = "]"][1]', '//cda:a[@x = "]"][1]'],
    // strings, comments and URIs are not XPath
    ["'http://x//y' = //cda:a", "'http://x//y' = /descendant::cda:a"],
    ['"a""//b" = //cda:a', '"a""//b" = /descendant::cda:a'],
    ['(: //cda:a (: // :) :) //cda:b', '(: //cda:a (: // :) :) /descendant::cda:b'],
    ['Q{http://x//y}f(//cda:a)', 'Q{http://x//y}f(/descendant::cda:a)'],
    ["'unterminated //cda:a", "'unterminated //cda:a"],
    ['//cda:a[@x = "unterminated', '//cda:a[@x = "unterminated'],
  ])('%s → %s', (expression, expected) => {
    expect(descendantSteps(expression)).toBe(expected);
  });

  it.each([
    ['@x = 1', true],
    ['cda:a/cda:b', true],
    ['not(cda:a)', true],
    ['contains(@x, "a")', true],
    ['not(cda:a) + 1', false],
    ['string(cda:a)', false],
    ['1', false],
    ['"a"', false],
    ['cda:a | cda:b', false],
  ])('nonPositional(%s) = %s', (predicate, expected) => {
    expect(nonPositional(predicate)).toBe(expected);
  });

  it('gives the same results as the long form on a document', () => {
    const built = buildDocument(
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><a x="1"><b/><a x="2"><b c="y"/></a></a><c><a x="3"/></c></ClinicalDocument>',
    );
    if (!built.ok) throw new Error('not built');
    const options = evaluationOptions({ cda: 'urn:hl7-org:v3' }, newRunState({}, {}));
    for (const expression of ['//cda:a/@x', '//cda:a[cda:b]/@x', '//cda:a[not(cda:b)]/@x', './/cda:b[@c]/../@x', '//*[@x = (2, 3)]/@x', '//cda:a//cda:b/../@x']) {
      const rewritten = descendantSteps(expression);
      expect(rewritten).not.toBe(expression);
      const value = (text: string) => evaluateXPathToStrings(text, built.built.document, null, {}, options);
      expect(value(rewritten)).toEqual(value(expression));
    }
  });
});
