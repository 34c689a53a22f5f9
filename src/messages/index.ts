// The one message catalog. Findings and errors carry a code and arguments; the wording for each
// language lives here, split by area only to keep files short. Every French key has an English twin
// (test/messages.test.ts checks keys and placeholders stay in step).
import { maskIdentifier, maskIdentifiersIn } from './mask.js';
import { fr } from './fr/index.js';
import { en } from './en/index.js';
import { choosePlurals } from './plural.js';

export type Lang = 'fr' | 'en';
export type MessageArgs = Record<string, string | number | boolean | undefined>;

export const catalogs: Record<Lang, Record<string, string>> = { fr, en };

/** Argument names whose values are patient identifiers: masked unless the user asks to reveal them. */
export const IDENTIFIER_ARGS = new Set(['ins', 'nir', 'otherIns']);

/** Argument names that may hold an errno code (`ENOENT`), rendered as `io/errno.<code>`. */
const REASON_ARGS = new Set(['reason', 'detail']);
const ERRNO = /^E[A-Z0-9]+$/;

export interface FormatOptions {
  lang?: Lang;
  revealIdentifiers?: boolean;
}

/**
 * Renders `code` with `{name}` placeholders filled from `args`; an unknown code renders as the code
 * itself. Unless revealed, identifier arguments are masked whatever their shape, and every INS/NIR
 * shaped value of the result too (mask.ts): a constraint text or a label copied from an artefact
 * carries identifiers under any argument name.
 */
export function formatMessage(code: string, args: MessageArgs = {}, options: FormatOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const template = choosePlurals(catalogs[lang][code] ?? catalogs.fr[code] ?? code, args, lang);
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // `{detail}` with `detailCode`: a library's text (YAML, saxes, zip, zod) in our own wording; the
    // raw text stays as the fallback when the code has no message.
    const nested = args[`${name}Code`];
    if (typeof nested === 'string' && nested !== code && hasMessage(nested)) return formatMessage(nested, args, options);
    const value = args[name];
    if (value === undefined) return whole;
    // A file-system reason is carried as its errno code (errors.ts describeIoError): worded here.
    if (REASON_ARGS.has(name) && typeof value === 'string' && ERRNO.test(value) && hasMessage(`io/errno.${value}`)) return formatMessage(`io/errno.${value}`, {}, options);
    const text = String(value);
    return IDENTIFIER_ARGS.has(name) && !options.revealIdentifiers ? maskIdentifier(text) : text;
  });
  return options.revealIdentifiers ? text : maskIdentifiersIn(text);
}

/** Any other rendered text (locations, file names, labels): masked by shape unless revealed. */
export function maskUnlessRevealed(text: string, revealIdentifiers: boolean | undefined): string {
  return revealIdentifiers ? text : maskIdentifiersIn(text);
}

export function hasMessage(code: string): boolean {
  return code in catalogs.fr;
}

export { maskIdentifier, maskIdentifiersIn };
