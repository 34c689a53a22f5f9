// The terminal reporter: colours only when asked, the same text otherwise; plain `render` for files.
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../src/engine/check.js';
import { render, renderTty } from '../../src/report/formats/tty.js';

const { context } = await checkBundle({ bundleDir: 'fixtures/bundles/empty-file', strict: false, lang: 'fr', revealIdentifiers: false });
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('tty reporter', () => {
  it('colours verdicts and the gate only when asked, with the same text either way', () => {
    const coloured = renderTty(context, { color: true });
    expect(coloured).toContain('\u001b[31m✘ non conforme');
    expect(coloured).toContain('\u001b[32m✔ conforme');
    const plain = renderTty(context, { color: false });
    expect(plain).not.toContain('\u001b[');
    expect(stripAnsi(coloured)).toBe(plain);
    expect(render(context)).toBe(plain);
  });

  it('ends with the summary and the gate', () => {
    expect(render(context).split('\n').slice(-3)).toEqual([
      'Exigences : 6 — conforme : 4 · non conforme : 1 · incomplet : 0 · non applicable : 1 — erreurs : 1 · avertissements : 0',
      '✘ Contrôle échoué',
      '',
    ]);
  });
});

// Found by attack9: `segur check` of a bundle with 200,000 empty folders under proofs/ (one
// `bundle/unknown-proof-folder` warning each) ended « Erreur interne inattendue : Maximum call stack
// size exceeded » in the default terminal report (tty.ts: `out.push(...general.map(…))`), while
// --format json, markdown, junit, sarif and html wrote theirs.
describe('tty reporter on a bundle with 200,000 bundle-level findings', () => {
  it('writes every finding', () => {
    const template = { ...context.report.findings[0]!, requirement: undefined };
    const general = Array.from({ length: 200_000 }, (_, index) => ({ ...template, file: `proofs/X${index}` }));
    const large = { ...context, report: { ...context.report, findings: [...context.report.findings, ...general] } };
    const text = render(large);
    expect(text).toContain('proofs/X199999');
  });
});
