// Volet schematrons a document declares in its prolog, as ANS's examples do for Oxygen:
//   <?oxygen SCHSchema="../schematrons/CI-SIS_BIO-CR-BIO_2024.01.sch"?>
// Only the prolog (before the root element) is read; the structuration-minimale and IHE profile
// schematrons named beside the volet are not volets and are skipped.
import { voletName } from '../volet-name.js';

/** At most this much of the document is searched: processing instructions come first. */
const PROLOG_LIMIT = 64 * 1024;

export function declaredVolets(text: string): string[] {
  const prolog = prologOf(text.slice(0, PROLOG_LIMIT));
  const volets: string[] = [];
  for (const match of prolog.matchAll(/<\?oxygen\s[^?]*?\bSCHSchema\s*=\s*"([^"]*)"/g)) {
    const file = match[1]!.split(/[\\/]/).pop() ?? '';
    // Volets are versioned (`_2024.01`); the profile schematrons beside them (CI-SIS_Modeles_ANS.sch) are not.
    if (/^CI-SIS_.+_\d{4}\.\d{2}\.sch$/i.test(file)) volets.push(voletName(file));
  }
  return volets;
}

/** The text before the root element's start tag (comments and processing instructions included). */
function prologOf(text: string): string {
  let index = 0;
  for (;;) {
    const open = text.indexOf('<', index);
    if (open < 0) return text;
    const next = text[open + 1];
    if (next === '?') index = endOf(text, '?>', open);
    else if (text.startsWith('<!--', open)) index = endOf(text, '-->', open);
    else return text.slice(0, open);
    if (index < 0) return text;
  }
}

function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? -1 : end + terminator.length;
}
