// The bundle impact of a REM change (model.ts `BundleImpact`) as terminal lines and as a Markdown
// section: shared by `segur catalog diff --bundle` and by the tty and Markdown reports of
// `segur check --since`. Kept free of the catalog-diff renderers so that the report formats can load
// it without them.
import { Chalk, type ChalkInstance } from 'chalk';
import { escapeMarkdownInline as md, printable } from '../../report/render/escape.js';
import type { Translate } from '../../report/render/wording.js';
import { impactProofLines, impactTitle, impactWorthShowing } from './describe.js';
import type { BundleImpact, ProofImpactStatus } from './model.js';
import { appendAll } from '../../util/append.js';

const PROOF_STYLE: Record<ProofImpactStatus, { icon: string; style: (paint: ChalkInstance) => ChalkInstance }> = {
  maps: { icon: '✔', style: (paint) => paint.green },
  renamed: { icon: '↪', style: (paint) => paint.cyan },
  orphaned: { icon: '✘', style: (paint) => paint.red },
  new: { icon: '✚', style: (paint) => paint.yellow },
};

/**
 * The bundle impact as terminal lines (also used by `segur check --since`): the requirements whose
 * proofs do not all simply keep their number, each with one line per proof.
 */
export function impactTtyLines(t: Translate, impact: BundleImpact, options: { color: boolean }, titleCode: 'diff/impact.title' | 'diff/impact.since-title'): string[] {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const out = [
    paint.bold(printable(t(titleCode, { dir: impact.dir, old: impact.old.id, profiles: impact.profiles.join(', ') || '—' }))),
    printable(t('diff/impact.summary', impact.summary)),
  ];
  const shown = impact.requirements.filter(impactWorthShowing);
  if (shown.length === 0) out.push(printable(t('diff/impact.none')));
  for (const requirement of shown) {
    out.push(`  ${printable(impactTitle(t, requirement))}`);
    for (const proof of requirement.proofs) {
      const { icon, style } = PROOF_STYLE[proof.status];
      const [first, ...rest] = impactProofLines(t, proof);
      out.push(`      ${style(paint)(icon)} ${printable(first!)}`);
      appendAll(out, rest.map((line) => `        ${paint.yellow('!')} ${printable(line)}`));
    }
  }
  return out;
}

/** The bundle impact as a Markdown section (also used by `segur check --since`). */
export function impactMarkdownLines(t: Translate, impact: BundleImpact, titleCode: 'diff/impact.title' | 'diff/impact.since-title'): string[] {
  const out = [`### ${md(t(titleCode, { dir: impact.dir, old: impact.old.id, profiles: impact.profiles.join(', ') || '—' }))}`, '', md(t('diff/impact.summary', impact.summary)), ''];
  const shown = impact.requirements.filter(impactWorthShowing);
  if (shown.length === 0) out.push(md(t('diff/impact.none')), '');
  for (const requirement of shown) {
    out.push(`- **${md(impactTitle(t, requirement))}**`);
    for (const proof of requirement.proofs) appendAll(out, impactProofLines(t, proof).map((line) => `  - ${md(line)}`));
  }
  out.push('');
  return out;
}
