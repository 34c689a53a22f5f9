// RFC 6532 §3.2: header text is UTF-8; RFC 2047 §2 and RFC 2231 §4: encoded words and parameters
// hold bytes valid in the charset they name. Bytes that do not decode are reported, never guessed.
import { found, type EmlRule } from './rule.js';

export const headerEncodingRule: EmlRule = {
  code: 'eml/header-encoding',
  severity: 'error',
  description: 'Le texte des en-têtes est de l’UTF-8 valide (RFC 6532), les mots encodés (RFC 2047) et paramètres (RFC 2231) valides dans leur charset.',
  check(facts) {
    return facts.headerProblems.flatMap(({ header, part, problem }) =>
      problem.kind === 'invalid-bytes' ? [found(this, { header, charset: problem.charset, offset: problem.offset }, part ? `partie ${part} ${header}` : header)] : [],
    );
  },
};
