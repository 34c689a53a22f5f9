// The terminal view of a catalog diff: header and counts, then the added, removed, renamed and changed
// requirements with one indented line per change, then the bundle impact when asked. Colours only
// when asked (the CLI decides from --no-color, NO_COLOR and the TTY); without them word diffs read
// `[-removed-]{+added+}`. REM texts are untrusted: control characters are escaped (printable).
import { Chalk, type ChalkInstance } from 'chalk';
import { printable } from '../../report/render/escape.js';
import { colon } from '../../report/render/wording.js';
import { impactTtyLines } from './render-impact.js';
import { SECTIONS, changeLines, plainWords, requirementTitle, sectionEntries, summaryLines, type DiffContext, type DiffLine } from './describe.js';
import type { WordSegment } from './model.js';

const SIGIL = { added: '+', removed: '-', renamed: '~', changed: '~' } as const;

export function renderDiffTty(context: DiffContext, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const { diff, t } = context;
  const out = [
    paint.bold(printable(t('diff/title', { old: diff.old.id, new: diff.new.id }))),
    `  ${printable(`${t('diff/old')}${colon(context.lang)}${diff.old.id} — ${diff.old.title}`)}`,
    `  ${printable(`${t('diff/new')}${colon(context.lang)}${diff.new.id} — ${diff.new.title}`)}`,
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
      // Loops, not push(...): a requirement may have thousands of changed proofs.
      for (const line of changeLines(t, entry)) out.push(`      ${ttyLine(paint, line)}`);
    }
  }
  if (shown === 0) out.push('', printable(t('diff/none')));
  if (diff.bundle) {
    out.push('');
    for (const line of impactTtyLines(t, diff.bundle, options, 'diff/impact.title')) out.push(line);
  }
  return `${out.join('\n')}\n`;
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
