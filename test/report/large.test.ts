import { describe, expect, it } from 'vitest';
import { render as renderMarkdown } from '../../src/report/formats/markdown.js';
import { render as renderCsv } from '../../src/report/formats/csv.js';
import { render as renderHtml } from '../../src/report/formats/html.js';
import { largeContext } from './large-context.js';

describe('large reports', () => {
  it('keep the Markdown summary under the 65,536 characters of a GitHub comment, counting what is left out', () => {
    const markdown = renderMarkdown(largeContext(1500, 300));
    expect(markdown.length).toBeLessThan(65_536);
    const shown = markdown.match(/^<details>$/gm)!.length;
    expect(shown).toBeGreaterThan(100);
    expect(markdown).toContain(`… et ${1500 - shown} autres exigences à traiter : voir le rapport complet (HTML, JSON ou xlsx).`);
    expect(markdown).toContain('- … et 250 autres constats : voir le rapport complet (HTML ou JSON).');
    expect(markdown.match(/`bundle\/unlisted-file`/g)).toHaveLength(50);
  });

  it('render every requirement in the HTML and every proof in the CSV', () => {
    const context = largeContext(1500);
    expect(renderHtml(context).match(/<tr class="req" /g)).toHaveLength(1500);
    expect(renderCsv(context).split('\r\n')).toHaveLength(1 + 3000 + 1);
  });
});
