// Report wording in the run's language, and the few phrasings every format shares.
import { formatMessage, type Lang, type MessageArgs } from '../../messages/index.js';
import type { ReportFinding, Verdict } from '../model.js';

export type Translate = (code: string, args?: MessageArgs) => string;

/** Report texts never hold identifiers (finding messages are masked by the engine already). */
export function translator(lang: Lang, revealIdentifiers = false): Translate {
  return (code, args) => formatMessage(code, args, { lang, revealIdentifiers });
}

export function verdictLabel(t: Translate, verdict: Verdict): string {
  return t(`report/verdict.${verdict}`);
}

/** French typography puts a (narrow) space before a colon; English does not. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? ' : ' : ': ';
}

/** `proofs/a.xml:12 (/ClinicalDocument/id)`: where a finding applies, empty when nowhere in particular. */
export function findingPlace(finding: ReportFinding): string {
  const file = finding.file === undefined ? '' : finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  const location = shownLocation(finding);
  if (location === undefined) return file;
  return file === '' ? location : `${file} (${location})`;
}

/**
 * The location worth showing beside a file and line: none when it only repeats the line (the XML
 * reader's `ligne 45`, written in French whatever the language, adds nothing to `a.xml:45`).
 */
export function shownLocation(finding: ReportFinding): string | undefined {
  if (finding.location === undefined) return undefined;
  if (finding.file !== undefined && finding.line !== undefined && finding.location === `ligne ${finding.line}`) return undefined;
  return finding.location;
}

/** One line per finding for plain-text cells: `[erreur] message — proofs/a.xml:12`. */
export function findingLine(t: Translate, finding: ReportFinding): string {
  const place = findingPlace(finding);
  const head = `[${t(`report/severity.${finding.severity}`)}] ${finding.message}`;
  return place === '' ? head : `${head} — ${place}`;
}
