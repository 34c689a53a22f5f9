// Plural forms in message templates, in the ICU MessageFormat shape translators know:
// `{count, plural, one {# exigence} other {# exigences}}` — `#` stands for the number. French uses
// the singular for 0 and 1 (« 0 exigence »), English for 1 only (CLDR plural rules, written out so
// that no ICU data is needed).
import type { Lang, MessageArgs } from './index.js';

const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;

/** Replaces every plural block of `template` by the form its number asks for (`other` when the argument is absent). */
export function choosePlurals(template: string, args: MessageArgs, lang: Lang): string {
  if (!template.includes(', plural, ')) return template;
  return template.replace(PLURAL, (_whole, name: string, one: string, other: string) => {
    const value = Number(args[name]);
    const singular = Number.isFinite(value) && (lang === 'fr' ? Math.abs(value) < 2 : Math.abs(value) === 1);
    return (singular ? one : other).replace(/#/g, `{${name}}`);
  });
}

/** Names of the arguments a template uses, plural blocks included (test/messages.test.ts keeps fr and en in step). */
export function templateArguments(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(?:\}|, plural, )/g)) names.add(match[1]!);
  return [...names].sort();
}
