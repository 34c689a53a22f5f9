// The volet rules' DOM (run/dom.ts) is bounded by a node budget: elements, attributes, text,
// comments and processing instructions all count, the build stops at the cap (work bounded by what
// is present, never the whole of a 32 MB document of empty elements), and the run says which cap
// kept the volet rules from running.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCda } from '../../src/artefacts/cda/read-cda.js';
import { ensurePacks } from '../../src/cisis/store/ensure-packs.js';
import { validateVolet } from '../../src/cisis/validate-volet.js';
import { buildDocument, MAX_DOM_NODES } from '../../src/cisis/run/dom.js';
import { preparePack, runPack } from '../../src/cisis/run/run-pack.js';
import { cda, compileTree, schema, writeTree } from './helpers.js';

const MAIN = 'schematrons/CI-SIS_TEST_2024.01.sch';

describe('DOM node budget', () => {
  const many = (count: number, unit: string) => unit.repeat(count);
  it.each([
    ['elements', cda(`<text>${many(600, '<br/>')}</text>`)],
    ['attributes', cda(`<text ${Array.from({ length: 600 }, (_, index) => `a${index}="x"`).join(' ')}/>`)],
    ['text nodes', cda(`<text>${many(300, 'a<br/>')}</text>`)],
    ['comments', cda(`<text>${many(600, '<!--c-->')}</text>`)],
    ['processing instructions', cda(`<text>${many(600, '<?p x?>')}</text>`)],
  ])('counts %s, and stops at the cap', (_kind, document) => {
    const outcome = buildDocument(document, { maxNodes: 500 });
    expect(outcome).toMatchObject({ ok: false, reason: 'too-many-nodes', limit: 500, line: 2 });
  });

  it('builds a document within the cap, adjacent text and CDATA as one text node', () => {
    const outcome = buildDocument(cda('<text>a<![CDATA[<b>]]>c<br/>d</text>'), { maxNodes: 500 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = outcome.built.elements.find((element) => element.localName === 'text')!;
    expect(text.childNodes.map((node) => (node.nodeType === 3 ? `"${(node as unknown as { data: string }).data}"` : node.nodeName))).toEqual(['"a<b>c"', 'br', '"d"']);
  });

  it('keeps the budget far above the ANS examples (largest: ≈21,000 nodes)', () => {
    expect(MAX_DOM_NODES).toBeGreaterThanOrEqual(10 * 21_000);
  });

  it('reports the cap as a warning naming it, the volet rules not run', () => {
    const files = { [MAIN]: schema('<pattern id="p"><rule context="cda:ClinicalDocument"><assert test="false()">x</assert></rule></pattern>') };
    const document = cda(`<title>t</title>\n<text>${'<br/>'.repeat(MAX_DOM_NODES)}</text>`);
    const { pack } = compileTree(files);
    expect(runPack(preparePack(pack), document)).toEqual({
      findings: [{ rule: 'cisis/too-many-nodes', severity: 'warning', args: { volet: 'TEST_2024.01', limit: MAX_DOM_NODES }, line: 3 }],
      firedRules: 0,
    });
  });
});

describe('what the report says of a document beyond the budget', () => {
  it('says the volet rules were not run, never that they ran', async () => {
    const root = writeTree({ [MAIN]: schema('<pattern id="p"><rule context="cda:ClinicalDocument"><assert test="false()">x</assert></rule></pattern>') });
    const { packDir } = await ensurePacks(root, { cache: join(root, 'cache') });
    const text = cda(`<title>t</title>\n<component><structuredBody><component><section><text>${'<br/>'.repeat(MAX_DOM_NODES)}</text></section></component></structuredBody></component>`);
    const read = readCda(new TextEncoder().encode(text));
    if (read.status !== 'cda') throw new Error(read.status);
    expect(validateVolet(read.document, text, { packDir, volet: 'TEST_2024.01' })).toEqual([
      { rule: 'cisis/too-many-nodes', severity: 'warning', args: { volet: 'TEST_2024.01', limit: MAX_DOM_NODES }, line: 3 },
    ]);
    // Within the budget: which pack ran, then its findings.
    const small = cda('<title>t</title>');
    const smallRead = readCda(new TextEncoder().encode(small));
    if (smallRead.status !== 'cda') throw new Error(smallRead.status);
    expect(validateVolet(smallRead.document, small, { packDir, volet: 'TEST_2024.01' }).map((finding) => finding.rule)).toEqual(['cisis/volet-forced', 'cisis/TEST_2024.01/p']);
  });
});
