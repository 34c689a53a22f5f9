// The terminal view of a catalog diff: header and counts, then the added, removed, renamed and changed
// requirements with one indented line per change, then the bundle impact when asked. Colours only
// when asked (the CLI decides from --no-color, NO_COLOR and the TTY); without them word diffs read
// `[-removed-]{+added+}`. REM texts are untrusted: control characters are escaped (printable).
import { Chalk, type ChalkInstance } from 'chalk';
import { printable } from '../../report/formats/tty.js';
import type { Translate } from '../../report/render/wording.js';
import { SECTIONS, changeLines, impactProofLines, impactTitle, impactWorthShowing, plainWords, requirementTitle, sectionEntries, summaryLines, type DiffContext, type DiffLine } from './describe.js';
import type { BundleImpact, ProofImpactStatus, WordSegment } from './model.js';

const SIGIL = { added: '+', removed: '-', renamed: '~', changed: '~' } as const;

export function renderDiffTty(context: DiffContext, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { diff, t } = context;
  const out = [
    paint.bold(printable(t('diff/title', { old: diff.old.id, new: diff.new.id }))),
    `  ${printable(`${t('diff/old')} : ${diff.old.id} — ${diff.old.title}`)}`,
    `  ${printable(`${t('diff/new')} : ${diff.new.id} — ${diff.new.title}`)}`,
    ...summaryLines(context).map(printable),
  ];
  let shown = 0;
  for (const status of SECTIONS) {
    const entries = sectionEntries(diff, status);
    if (entries.length === 0) continue;
    shown += entries.length;
    out.push('', paint.bold(printable(t(`diff/section.${status}`, { count: entries.length }))));
    for (const entry of entries) {
      const style = status === 'added' ? paint.green : status === 'removed' ? paint.red : paint.yellow;
      out.push(`  ${style(SIGIL[status])} ${printable(requirementTitle(context, entry))}`);
      out.push(...changeLines(t, entry).map((line) => `      ${ttyLine(paint, line)}`));
    }
  }
  if (shown === 0) out.push('', printable(t('diff/none')));
  if (diff.bundle) out.push('', ...impactTtyLines(t, diff.bundle, options, 'diff/impact.title'));
  return `${out.join('\n')}\n`;
}

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
      out.push(...rest.map((line) => `        ${paint.yellow('!')} ${printable(line)}`));
    }
  }
  return out;
}

function ttyLine(paint: ChalkInstance, line: DiffLine): string {
  if (!line.words) return printable(line.text);
  return `${printable(line.text)} ${paint.level > 0 ? colouredWords(paint, line.words) : printable(plainWords(line.words))}`;
}

function colouredWords(paint: ChalkInstance, words: readonly WordSegment[]): string {
  return words
    .map((segment) => (segment.op === '=' ? printable(segment.text) : segment.op === '-' ? paint.red.strikethrough(printable(segment.text)) : paint.green.underline(printable(segment.text))))
    .join('');
}
