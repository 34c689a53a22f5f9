// Renders `segur validate` results: JSON (schema segur-validate/1) or text for a terminal.
import { formatMessage, maskUnlessRevealed, type Lang } from '../messages/index.js';
import type { ValidatedFile } from './validate-files.js';

export interface RenderOptions {
  lang: Lang;
  revealIdentifiers: boolean;
  color: boolean;
  /** Run-level notes (message codes), e.g. `cisis/not-run` when CDA documents were read without --cisis. */
  notes?: readonly string[];
}

export function renderValidateJson(files: readonly ValidatedFile[], options: RenderOptions): string {
  const document = {
    schema: 'segur-validate/1',
    files: files.map((file) => ({
      path: maskUnlessRevealed(file.path, options.revealIdentifiers),
      kind: file.kind,
      findings: file.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: formatMessage(finding.messageKey ?? finding.rule, finding.args, options),
        location: finding.location === undefined ? null : maskUnlessRevealed(finding.location, options.revealIdentifiers),
      })),
    })),
    ...(options.notes?.length ? { notes: options.notes.map((rule) => ({ rule, message: formatMessage(rule, {}, options) })) } : {}),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

const SEVERITY_LABEL: Record<Lang, Record<string, string>> = {
  fr: { error: 'erreur', warning: 'avertissement', info: 'note' },
  en: { error: 'error', warning: 'warning', info: 'note' },
};

export function renderValidateText(files: readonly ValidatedFile[], options: RenderOptions): string {
  const lines: string[] = [];
  const paint = painter(options.color);
  for (const file of files) {
    lines.push(paint.bold(`${maskUnlessRevealed(file.path, options.revealIdentifiers)} (${file.kind})`));
    if (file.findings.length === 0) lines.push(`  ${paint.green('✔')} ${formatMessage('artefacts/no-finding', {}, options)}`);
    for (const finding of file.findings) {
      const mark = finding.severity === 'error' ? paint.red('✖') : finding.severity === 'warning' ? paint.yellow('⚠') : paint.dim('ℹ');
      const where = finding.line !== undefined ? `${finding.line}` : '';
      lines.push(`  ${mark} ${SEVERITY_LABEL[options.lang][finding.severity]} ${where ? `l.${where} ` : ''}${formatMessage(finding.messageKey ?? finding.rule, finding.args, options)} ${paint.dim(`[${finding.rule}]`)}`);
      if (finding.location && !finding.location.startsWith('ligne')) lines.push(`      ${paint.dim(maskUnlessRevealed(finding.location, options.revealIdentifiers))}`);
    }
  }
  const all = files.flatMap((file) => file.findings);
  lines.push(
    formatMessage(
      'artefacts/summary',
      {
        files: files.length,
        errors: all.filter((finding) => finding.severity === 'error').length,
        warnings: all.filter((finding) => finding.severity === 'warning').length,
      },
      options,
    ),
  );
  for (const note of options.notes ?? []) lines.push(`${paint.dim('ℹ')} ${SEVERITY_LABEL[options.lang].info} ${formatMessage(note, {}, options)}`);
  return lines.join('\n') + '\n';
}

function painter(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22) };
}
