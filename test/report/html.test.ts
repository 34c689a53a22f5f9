import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/formats/html.js';
import { SCRIPT_STATEMENT, fixtureContext } from './fixture-context.js';

describe('html report', () => {
  const html = render(fixtureContext());

  it('is one self-contained file: no external script, style, font, image or link', () => {
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('allows only its own inline style and script, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (text: string): string => createHash('sha256').update(text).digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash(style)}'; script-src 'sha256-${hash(script)}'; img-src data:`);
  });

  it('shows a <script> from a REM statement as text', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<blockquote>Le LGC DOIT qualifier l’identité &lt;script&gt;alert(1)&lt;/script&gt; avant tout échange.</blockquote>');
    expect(SCRIPT_STATEMENT).toContain('<script>');
  });

  it('escapes hostile text in attributes too (chapters become filter values)', () => {
    const catalog = {
      ...fixtureContext().catalog,
      requirements: fixtureContext().catalog.requirements.map((requirement) => ({ ...requirement, chapter: '"><img src=x onerror=alert(1)>' })),
    };
    const hostile = render(fixtureContext({ catalog }));
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('<option value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
    expect(hostile).toContain('data-chapter="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('shows the header, the counts of the report and a chart', () => {
    expect(html).toContain('<div class="gate fail" role="status" id="gate" data-gate="fail">✘ Contrôle échoué</div>');
    expect(html).toContain('<dt>Logiciel</dt><dd>MonLGC 5.2.0</dd>');
    expect(html).toContain('<dt>Catalogue</dt><dd>REM-TEST — REM de test (échantillon, pas un texte ANS)</dd>');
    const counts = Object.fromEntries([...html.matchAll(/data-count="([^"]+)">(\d+)</g)].map((match) => [match[1], Number(match[2])]));
    expect(counts).toEqual({ conforme: 1, 'non-conforme': 1, incomplet: 1, 'non-applicable': 1, requirements: 4 });
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="chart-title"/);
    expect(html.match(/<rect class="bar-/g)).toHaveLength(4);
  });

  it('lists requirements with filter data, keyboard toggles and details (files, sizes, SHA-256, findings)', () => {
    const rows = [
      ...html.matchAll(/<tr class="req" data-chapter="([^"]*)" data-verdict="([^"]+)" data-search="([^"]*)">\n<td><button type="button" class="toggle" aria-expanded="false" aria-controls="(detail-\d+)">([^<]+)<\/button>/g),
    ];
    expect(rows.map((match) => [match[5], match[2], match[4], match[3]])).toEqual([
      ['INS/va1.01', 'conforme', 'detail-1', 'ins/va1.01 appel au teleservice insi'],
      ['INS/va1.02', 'non-conforme', 'detail-2', 'ins/va1.02 qualification de l’identite'],
      ['DMP/va1.01', 'incomplet', 'detail-3', 'dmp/va1.01 envoi d’un document au dmp'],
      ['ERGO/va1.05', 'non-applicable', 'detail-4', 'ergo/va1.05 apercu avant envoi'],
    ]);
    expect(html).toContain(
      '<fieldset id="filter-verdict"><legend>Verdict</legend><label><input type="checkbox" value="conforme" checked> Conforme</label><label><input type="checkbox" value="non-conforme" checked> Non conforme</label>',
    );
    expect(html).toContain('<input type="search" id="filter-text" placeholder="ID ou titre" autocomplete="off">');
    expect(html).toContain('data-one="{shown} exigence affichée sur 4" data-other="{shown} exigences affichées sur 4"');
    expect(html).toContain(
      '<tr><td><code>proofs/INS_va1.01.01.01/capture.png</code></td><td>screenshot</td><td class="num">2\u202f048 o</td><td class="sha">' + 'a'.repeat(64) + '</td></tr>',
    );
    expect(html).toContain('<strong>DMP/va1.01.01.02</strong> Rapport de validation EVS · <span class="state state-missing">manquante</span>');
    expect(html).toContain('<span class="sev-error">erreur</span> <code>cda/realm-code</code> realmCode absent ou différent de « FR »');
  });

  it('has a print stylesheet that expands the details', () => {
    expect(html).toMatch(/@media print\{[^]*tr\.req:not\(\[hidden\]\)\+tr\.detail\{display:table-row!important\}/);
  });

  it('shows evidence views beside their files: thumbnail, link and CDA header facts, escaped; images beside the page only then', () => {
    const context = fixtureContext();
    const evidence = new Map([
      ['proofs/INS_va1.01.01.01/capture.png', { kind: 'image' as const, thumbnail: 'apercus/x-vignette.webp', preview: 'apercus/x-apercu.webp', width: 320, height: 180 }],
      ['proofs/INS_va1.01.01.02/reponse.xml', { kind: 'link' as const, href: '../../depots/a%23b/reponse.xml' }],
      ['proofs/INS_va1.02.01.01/cda.xml', { kind: 'document' as const, type: '11488-4 — CR <b>de</b> consultation', patient: '28503••••••••79', author: 'Paul ESSAI', date: '2024-01-15 10:30 +0100' }],
    ]);
    const page = render({ ...context, evidence });
    expect(page).toContain(
      '<code>proofs/INS_va1.01.01.01/capture.png</code><a class="preview" href="apercus/x-apercu.webp"><img src="apercus/x-vignette.webp" alt="Aperçu de proofs/INS_va1.01.01.01/capture.png" width="320" height="180" loading="lazy"></a>',
    );
    expect(page).toContain('<code>proofs/INS_va1.01.01.02/reponse.xml</code> <a class="open" href="../../depots/a%23b/reponse.xml">ouvrir</a>');
    expect(page).toContain(
      '<dl class="doc-facts"><dt>Type</dt><dd>11488-4 — CR &lt;b&gt;de&lt;/b&gt; consultation</dd><dt>Patient (INS)</dt><dd>28503••••••••79</dd><dt>Auteur</dt><dd>Paul ESSAI</dd><dt>Date</dt><dd>2024-01-15 10:30 +0100</dd></dl>',
    );
    expect(/img-src ([^"]+)"/.exec(page)![1]).toBe("data: 'self'");
    expect(/img-src ([^"]+)"/.exec(render({ ...context, evidence: new Map([...evidence].slice(1)) }))![1]).toBe('data:');
  });
});
