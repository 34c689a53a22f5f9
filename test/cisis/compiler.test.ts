// One table per construct of ISO Schematron the compiler translates, on small schematrons written
// here: each case compiles a tree, runs it on a small document, and states the exact findings.
import { describe, expect, it } from 'vitest';
import { cda, compileTree, run, schema, valueSet } from './helpers.js';

const MAIN = 'schematrons/CI-SIS_TEST_2024.01.sch';
const title = cda('<title>t</title><code code="A"/>');

describe('asserts and reports', () => {
  it.each([
    ['a false assert is an error at its context, with the text normalised', '<assert test="cda:nothing">[T] Élément   manquant.</assert>', ['error cisis/TEST_2024.01/p @/ClinicalDocument:2: [T] Élément manquant.']],
    ['a true assert says nothing', '<assert test="cda:title">ok</assert>', []],
    ['a true report is a finding', '<report test="cda:title">[T] titre présent</report>', ['error cisis/TEST_2024.01/p @/ClinicalDocument:2: [T] titre présent']],
    ['role warning → warning, role info → info', '<assert role="warning" test="false()">w</assert><assert role="info" test="false()">i</assert>', ['warning cisis/TEST_2024.01/p @/ClinicalDocument:2: w', 'info cisis/TEST_2024.01/p @/ClinicalDocument:2: i']],
    ['an assert id names the finding', '<assert id="A-1" test="false()">x</assert>', ['error cisis/TEST_2024.01/A-1 @/ClinicalDocument:2: x']],
    ['value-of and name() fill the message (XSLT 2.0: items joined by a space)', '<assert test="false()"><name/> code <value-of select="cda:code/@code"/> / <value-of select="(1, 2)"/></assert>', ['error cisis/TEST_2024.01/p @/ClinicalDocument:2: ClinicalDocument code A / 1 2']],
  ])('%s', (_name, checks, expected) => {
    const files = { [MAIN]: schema(`<pattern id="p"><rule context="cda:ClinicalDocument">${checks}</rule></pattern>`) };
    expect(run(files, title).findings).toEqual(expected);
  });
});

describe('rule contexts (XSLT match patterns) and first-rule-wins', () => {
  const doc = cda('<component><section><code code="X"/><entry><obs><code code="Y"/></obs></entry><entry><obs><code code="Z"/></obs></entry></section></component>');
  it.each([
    ['a relative path matches at any depth', 'cda:entry/cda:obs/cda:code', 2],
    ['an absolute path matches from the root', '/cda:ClinicalDocument/cda:component/cda:section/cda:code', 1],
    ['an absolute path that does not hold matches nothing', '/cda:component', 0],
    ['// inside a pattern: any ancestor', 'cda:section//cda:code', 3],
    ['predicates on several steps', "cda:section[cda:code/@code='X']/cda:entry/cda:obs[cda:code[@code='Z']]", 1],
    ['a wildcard last step', "*[cda:code/@code='Y']", 1],
    ['a wildcard prefix (XPath 2.0 *:name)', '*:obs/*:code', 2],
    ['a union', 'cda:section/cda:code | cda:obs', 3],
    ['a positional predicate (selected from the root)', 'cda:entry[2]/cda:obs', 1],
    ['the root node', '/', 1],
  ])('%s', (_name, context, count) => {
    const files = { [MAIN]: schema(`<pattern id="p"><rule context="${context}"><assert test="false()">hit</assert></rule></pattern>`) };
    expect(run(files, doc).findings).toHaveLength(count);
  });

  it('fires only the first matching rule of a pattern on a node, each pattern independently', () => {
    const files = {
      [MAIN]: schema(`
        <pattern id="p1">
          <rule context="cda:obs/cda:code"><assert test="false()">first</assert></rule>
          <rule context="cda:code"><assert test="false()">second</assert></rule>
        </pattern>
        <pattern id="p2"><rule context="cda:code[@code='Y']"><assert test="false()">other pattern</assert></rule></pattern>`),
    };
    const outcome = run(files, doc);
    expect(outcome.findings.map((finding) => finding.replace(/^.* @/, '@'))).toEqual([
      '@/ClinicalDocument/component/section/code:2: second',
      '@/ClinicalDocument/component/section/entry/obs/code:2: first',
      '@/ClinicalDocument/component/section/entry/obs/code:2: other pattern',
      '@/ClinicalDocument/component/section/entry[2]/obs/code:2: first',
    ]);
    expect(outcome.fired).toBe(4);
  });

  it('gives SVRL locations: names as written (prefixes kept), [n] from the second same-named sibling', () => {
    const text = '<x:ClinicalDocument xmlns:x="urn:hl7-org:v3"><x:c/><x:c/><x:d/><x:c/></x:ClinicalDocument>';
    const files = { [MAIN]: schema('<pattern id="p"><rule context="cda:c"><assert test="false()">c</assert></rule></pattern>') };
    expect(run(files, text).findings.map((finding) => finding.split(' @')[1])).toEqual(['/x:ClinicalDocument/x:c:1: c', '/x:ClinicalDocument/x:c[2]:1: c', '/x:ClinicalDocument/x:c[3]:1: c']);
  });

  it('reports a context it cannot translate, and leaves the rule out', () => {
    const { pack } = compileTree({ [MAIN]: schema('<pattern id="p"><rule context="cda:code/@code"><assert test="false()">x</assert></rule></pattern>') });
    expect(pack.patterns[0]!.rules).toEqual([]);
    expect(pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['cisis/compile/context-unsupported']);
  });
});

describe('lets at the three scopes', () => {
  it.each([
    ['schema level (global, evaluated from the root)', '<let name="n" value="count(//cda:code)"/>', '<pattern id="p"><rule context="cda:title"><assert test="$n = 2">n=<value-of select="$n"/></assert></rule></pattern>', []],
    ['pattern level (global too: the ISO skeleton makes them stylesheet variables)', '', '<pattern id="v"><let name="s" value="\'A\'"/></pattern><pattern id="p"><rule context="cda:code"><assert test="@code = $s">not <value-of select="$s"/></assert></rule></pattern>', ['error cisis/TEST_2024.01/p @/ClinicalDocument/code[2]:2: not A']],
    ['rule level (on the context node, in order)', '', '<pattern id="p"><rule context="cda:code"><let name="c" value="@code"/><let name="d" value="concat($c, \'!\')"/><assert test="$d = \'A!\'"><value-of select="$d"/></assert></rule></pattern>', ['error cisis/TEST_2024.01/p @/ClinicalDocument/code[2]:2: B!']],
  ])('%s', (_name, schemaLets, patterns, expected) => {
    const files = { [MAIN]: schema(`${schemaLets}${patterns}`) };
    expect(run(files, cda('<title>t</title><code code="A"/><code code="B"/>')).findings).toEqual(expected);
  });

  it('reads a let name written with spaces as XSLT does, and says so', () => {
    const { pack } = compileTree({ [MAIN]: schema('<let name="x " value="1"/><pattern id="p"><rule context="cda:title"><assert test="$x = 1">x</assert></rule></pattern>') });
    expect(pack.globals).toEqual([{ name: 'x', value: '1' }]);
    expect(pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['cisis/compile/let-name-spaces']);
  });
});

describe('phases', () => {
  const patterns = '<pattern id="a"><rule context="cda:title"><assert test="false()">a</assert></rule></pattern><pattern id="b"><rule context="cda:title"><assert test="false()">b</assert></rule></pattern>';
  const phases = '<phase id="only-a"><active pattern="a"/><active pattern="ghost"/></phase>';
  it.each([
    ['the default phase runs its active patterns only, a missing one is reported', 'defaultPhase="only-a"', undefined, ['a'], ['cisis/compile/phase-pattern-missing']],
    ['no default phase: every pattern', '', undefined, ['a', 'b'], []],
    ['#ALL: every pattern', 'defaultPhase="#ALL"', undefined, ['a', 'b'], []],
    ['a phase asked for by name', '', 'only-a', ['a'], ['cisis/compile/phase-pattern-missing']],
    ['an unknown phase: reported, every pattern', 'defaultPhase="nope"', undefined, ['a', 'b'], ['cisis/compile/phase-missing']],
  ])('%s', (_name, attributes, phase, texts, diagnostics) => {
    const files = { [MAIN]: schema(`${phases}${patterns}`, attributes) };
    const outcome = run(files, title, phase);
    expect(outcome.findings.map((finding) => finding.split(': ')[1])).toEqual(texts);
    expect(outcome.pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(diagnostics);
  });
});

describe('abstract patterns and extends', () => {
  it('instantiates an is-a pattern with its parameters (whole $names only)', () => {
    const files = {
      [MAIN]: schema(`
        <pattern id="abs" abstract="true">
          <rule context="$ctx"><assert test="@code = $want">[<value-of select="$label"/>] <value-of select="@code"/> ≠ <value-of select="$want"/> ($wanted stays)</assert></rule>
        </pattern>
        <pattern id="inst" is-a="abs"><param name="ctx" value="cda:code"/><param name="want" value="'A'"/><param name="label" value="'L'"/></pattern>`),
    };
    expect(run(files, cda('<code code="A"/><code code="B"/>')).findings).toEqual(['error cisis/TEST_2024.01/inst @/ClinicalDocument/code[2]:2: [L] B ≠ A ($wanted stays)']);
  });

  it('reports an is-a naming no abstract pattern', () => {
    const { pack } = compileTree({ [MAIN]: schema('<pattern id="inst" is-a="nowhere"><param name="x" value="1"/></pattern>') });
    expect(pack.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.pattern])).toEqual([['cisis/compile/abstract-missing', 'inst']]);
  });

  it('splices an abstract rule in place of extends (recursively), and reports a missing one', () => {
    const files = {
      [MAIN]: schema(`
        <pattern id="p">
          <rule abstract="true" id="base"><assert test="@code">sans code</assert></rule>
          <rule abstract="true" id="more"><extends rule="base"/><assert test="not(@code = 'B')">B interdit</assert></rule>
          <rule context="cda:code"><extends rule="more"/><extends rule="ghost"/></rule>
        </pattern>`),
    };
    const outcome = run(files, cda('<code/><code code="B"/>'));
    expect(outcome.findings.map((finding) => finding.split(': ')[1])).toEqual(['sans code', 'B interdit']);
    expect(outcome.pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['cisis/compile/extends-missing']);
  });
});

describe('includes', () => {
  const pattern = (id: string) => `<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="${id}"><rule context="cda:title"><assert test="false()">${id}</assert></rule></pattern>`;
  it('replaces an include by the file’s root element, recursively, hrefs relative to the including file', () => {
    const files = {
      [MAIN]: schema('<include href="include/a.sch"/>'),
      'schematrons/include/a.sch': pattern('a').replace('</pattern>', '</pattern>'),
    };
    expect(run(files, title).findings.map((finding) => finding.split(': ')[1])).toEqual(['a']);
  });

  it.each([
    ['a href differing only by letter case is resolved and reported', '<include href="include/Sub/A.sch"/>', { 'schematrons/include/sub/a.sch': pattern('a') }, ['a'], ['cisis/compile/include-case']],
    ['a missing file is reported, its rules absent', '<include href="include/none.sch"/>', {}, [], ['cisis/compile/include-missing']],
    ['an empty file where a folder is expected (BIO-CR-BIO_2023.01 upstream)', '<include href="include/V/E.sch"/>', { 'schematrons/include/V': '' }, [], ['cisis/compile/include-empty-entry']],
    ['an empty file', '<include href="include/e.sch"/>', { 'schematrons/include/e.sch': '' }, [], ['cisis/compile/include-empty']],
    ['a malformed file', '<include href="include/m.sch"/>', { 'schematrons/include/m.sch': '<pattern' }, [], ['cisis/compile/malformed']],
    ['a path leaving the tree is refused', '<include href="../../outside.sch"/>', {}, [], ['cisis/compile/include-outside']],
  ])('%s', (_name, include, extra, texts, diagnostics) => {
    const outcome = run({ [MAIN]: schema(include), ...extra }, title);
    expect(outcome.findings.map((finding) => finding.split(': ')[1])).toEqual(texts);
    expect(outcome.pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(diagnostics);
  });
});

describe('value sets (JDV) looked up with document()', () => {
  const lookup = (jdv: string) =>
    schema(`
      <let name="jdv" value="'${jdv}'"/>
      <pattern id="p"><rule context="cda:value">
        <let name="c" value="@code"/><let name="s" value="@codeSystem"/>
        <assert test="@nullFlavor or document($jdv)//svs:Concept[@code=$c and @codeSystem=$s]">[<value-of select="$c"/>] hors du jeu de valeurs <value-of select="$jdv"/></assert>
      </rule></pattern>`);
  const doc = cda('<value code="1" codeSystem="S"/><value code="2" codeSystem="S"/><value code="1" codeSystem="T"/><value nullFlavor="UNK"/>');

  it('keeps members, flags the others (code and code system together)', () => {
    const outcome = run({ [MAIN]: lookup('../jeuxDeValeurs/JDV_T.xml'), 'jeuxDeValeurs/JDV_T.xml': valueSet([['1', 'S', 'un']]) }, doc);
    expect(outcome.findings.map((finding) => finding.split(' @')[1])).toEqual([
      '/ClinicalDocument/value[2]:2: [2] hors du jeu de valeurs ../jeuxDeValeurs/JDV_T.xml',
      '/ClinicalDocument/value[3]:2: [1] hors du jeu de valeurs ../jeuxDeValeurs/JDV_T.xml',
    ]);
    expect(outcome.pack.valueSets).toEqual({ '../jeuxDeValeurs/JDV_T.xml': { file: 'jeuxDeValeurs/JDV_T.xml', concepts: [['1', 'S', 'un']] } });
  });

  it('a missing JDV: a compile warning naming it, and "value set unavailable" warnings instead of false errors', () => {
    const outcome = run({ [MAIN]: lookup('../jeuxDeValeurs/JDV_ABSENT.xml') }, doc);
    expect(outcome.pack.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.args.jdv, diagnostic.pattern])).toEqual([
      ['cisis/compile/value-set-missing', '../jeuxDeValeurs/JDV_ABSENT.xml', 'p'],
    ]);
    // Three lookups were needed (the nullFlavor one short-circuits): three warnings, no error.
    expect(outcome.findings).toEqual([
      'warning cisis/TEST_2024.01/p @/ClinicalDocument/value:2: jeuxDeValeurs/JDV_ABSENT.xml',
      'warning cisis/TEST_2024.01/p @/ClinicalDocument/value[2]:2: jeuxDeValeurs/JDV_ABSENT.xml',
      'warning cisis/TEST_2024.01/p @/ClinicalDocument/value[3]:2: jeuxDeValeurs/JDV_ABSENT.xml',
    ]);
  });

  it('serves any other document() of a literal file (embedded), and reports a missing one or a computed name', () => {
    const files = {
      [MAIN]: schema(`<pattern id="p"><rule context="cda:value">
        <assert test="@code = doc('voc.xml')//item/@code">hors vocabulaire</assert>
        <assert test="document('absent.xml')//item">absent</assert>
        <assert test="document(concat('a', '.xml'))//item">calculé</assert>
      </rule></pattern>`),
      'schematrons/voc.xml': '<voc><item code="1"/></voc>',
    };
    const outcome = run(files, cda('<value code="1"/><value code="2"/>'));
    expect(outcome.findings.map((finding) => finding.split(' @')[1])).toEqual(['/ClinicalDocument/value[2]:2: hors vocabulaire']);
    expect(outcome.pack.documents).toEqual({ 'voc.xml': { file: 'schematrons/voc.xml', text: '<voc><item code="1"/></voc>' } });
    expect(outcome.pack.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.args.href ?? diagnostic.args.call])).toEqual([
      ['cisis/compile/document-missing', 'absent.xml'],
      ['cisis/compile/document-unsupported', "document(concat('a', '.xml'))"],
    ]);
  });
});

describe('XPath functions fontoxpath lacks', () => {
  it.each([
    ['matches#3 with the i flag', "matches(@code, '^a$', 'i')", 'A', true],
    ['matches#3 without flags', "matches(@code, '^a$', '')", 'A', false],
    ['resolve-QName and namespace-uri-for-prefix', "namespace-uri-from-QName(resolve-QName('cda:x', .)) = 'urn:hl7-org:v3' and namespace-uri-for-prefix('xsi', .) = 'http://www.w3.org/2001/XMLSchema-instance'", 'A', true],
  ])('%s', (_name, test, code, holds) => {
    const files = { [MAIN]: schema(`<pattern id="p"><rule context="cda:code"><assert test="${test.replace(/"/g, '&quot;')}">x</assert></rule></pattern>`) };
    const text = `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:cda="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><code code="${code}"/></ClinicalDocument>`;
    expect(run(files, text).findings).toHaveLength(holds ? 0 : 1);
  });

  it('reports an expression that does not parse, and leaves it out', () => {
    const { pack } = compileTree({ [MAIN]: schema('<pattern id="p"><rule context="cda:code"><assert test="count(">x</assert></rule></pattern>') });
    expect(pack.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['cisis/compile/xpath-invalid']);
  });

  it('an evaluation error is a warning naming the test, not a crash', () => {
    const outcome = run({ [MAIN]: schema('<pattern id="p"><rule context="cda:code"><assert test="xs:integer(@code) > 0">x</assert></rule></pattern>') }, cda('<code code="abc"/>'));
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatch(/^warning cisis\/TEST_2024.01\/p @\/ClinicalDocument\/code:2: FORG0001/);
  });
});
