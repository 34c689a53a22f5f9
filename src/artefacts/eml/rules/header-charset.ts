// RFC 2047 §3, RFC 2231 §4: an encoded word or parameter names its charset; segur reads those of
// io/decode.ts (UTF-8, ISO-8859-1/15, windows-1252, US-ASCII, UTF-16LE/BE). Another one cannot be
// checked: said, not guessed.
import { found, type EmlRule } from './rule.js';

export const headerCharsetRule: EmlRule = {
  code: 'eml/header-charset',
  severity: 'warning',
  description: 'Les mots encodés et paramètres d’en-têtes nomment un charset lisible (RFC 2047 §3, RFC 2231 §4) ; sinon leur texte n’est pas vérifié.',
  check(facts) {
    return facts.headerProblems.flatMap(({ header, part, problem }) =>
      problem.kind === 'unknown-charset' ? [found(this, { header, charset: problem.charset }, part ? `partie ${part} ${header}` : header)] : [],
    );
  },
};
