// Report wording in the run's language, and the few phrasings every format shares.
import { formatMessage, type Lang, type MessageArgs } from '../../messages/index.js';
import type { ReportFinding, Verdict } from '../model.js';

export type Translate = (code: string, args?: MessageArgs) => string;

/** Report texts never hold identifiers (finding messages are masked by the engine already). */
export function translator(lang: Lang): Translate {
  return (code, args) => formatMessage(code, args, { lang });
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
  if (finding.location === undefined) return file;
  return file === '' ? finding.location : `${file} (${finding.location})`;
}

/** One line per finding for plain-text cells: `[erreur] message — proofs/a.xml:12`. */
export function findingLine(t: Translate, finding: ReportFinding): string {
  const place = findingPlace(finding);
  const head = `[${t(`report/severity.${finding.severity}`)}] ${finding.message}`;
  return place === '' ? head : `${head} — ${place}`;
}
