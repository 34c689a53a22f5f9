// What a finding code means, for SARIF rule metadata: the code's message template with its
// placeholders shown as "…" (the message catalog is the one place where codes are described).
import { catalogs, type Lang } from '../../messages/index.js';
import { choosePlurals } from '../../messages/plural.js';

export function ruleDescription(code: string, lang: Lang): string {
  const template = catalogs[lang][code] ?? catalogs.fr[code];
  if (template === undefined) return code;
  return choosePlurals(template, {}, lang).split('\n')[0]!.replace(/\{\w+\}/g, '…');
}
