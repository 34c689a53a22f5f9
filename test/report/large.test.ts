import { describe, expect, it } from 'vitest';
import { render as renderMarkdown } from '../../src/report/formats/markdown.js';
import { render as renderCsv } from '../../src/report/formats/csv.js';
import { render as renderHtml } from '../../src/report/formats/html.js';
import { render as renderTty } from '../../src/report/formats/tty.js';
import { render as renderJson } from '../../src/report/formats/json.js';
import { render as renderJunit } from '../../src/report/formats/junit.js';
import { render as renderSarif } from '../../src/report/formats/sarif.js';
import { render as renderGithub } from '../../src/report/formats/github.js';
import type { ReportFinding } from '../../src/report/model.js';
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

  it('cut anything past the 65,536 characters, --since included, with a pointer to the full report', () => {
    const context = largeContext(10, 0);
    // A REM change that orphans 3,000 proofs: --since lists each of them.
    const requirements = Array.from({ length: 3000 }, (_, index) => ({
      change: 'removed' as const,
      old: `X/va1.${index}`,
      declared: 'conforme' as const,
      proofs: [{ status: 'orphaned' as const, old: `X/va1.${index}.01.01`, files: [`proofs/X_va1.${index}.01.01/capture-${'x'.repeat(40)}.png`] }],
    }));
    const since = {
      dir: 'preuves',
      old: { id: 'REM-OLD', title: 'Ancien', sha256: '0'.repeat(64) },
      new: { id: 'REM-NEW', title: 'Nouveau', sha256: '1'.repeat(64) },
      profiles: ['Général'],
      summary: { maps: 0, renamed: 0, orphaned: 3000, new: 0 },
      requirements,
    } as unknown as NonNullable<typeof context.report.since>;
    const markdown = renderMarkdown({ ...context, report: { ...context.report, since } });
    expect(markdown.length).toBeLessThanOrEqual(65_536);
    expect(markdown.endsWith('… résumé coupé à la limite de 65 536 caractères d’un commentaire GitHub : la suite est dans le rapport complet (HTML, JSON ou xlsx).\n')).toBe(true);
  });

  it('render every requirement in the HTML and every proof in the CSV', () => {
    const context = largeContext(1500);
    expect(renderHtml(context).match(/<tr class="req" /g)).toHaveLength(1500);
    expect(renderCsv(context).split('\r\n')).toHaveLength(1 + 3000 + 1);
  });

  // Findings are input-sized (a volet rule failing on each of 200,000 entries of one CDA): spread as
  // arguments (`out.push(...lines)`), past ≈120,000 they threw « Maximum call stack size exceeded ».
  it.each([
    ['tty', renderTty],
    ['markdown', renderMarkdown],
    ['json', renderJson],
    ['junit', renderJunit],
    ['sarif', renderSarif],
    ['github', renderGithub],
    ['html', renderHtml],
    ['csv', renderCsv],
  ])('%s renders a requirement with 200,000 findings', (_format, render) => {
    const context = largeContext(2);
    const requirement = context.report.requirements[0]!;
    const many: ReportFinding[] = Array.from({ length: 200_000 }, (_, index) => ({ rule: 'cisis/assert', severity: 'error', message: `Assertion ${index}`, requirement: requirement.id, file: 'preuves/x/cda.xml' }));
    const report = { ...context.report, requirements: [{ ...requirement, findings: many }, ...context.report.requirements.slice(1)] };
    expect(() => render({ ...context, report })).not.toThrow();
  });
});

