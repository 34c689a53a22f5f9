// `segur catalog show CATALOG [--profile P] [--format json]`: the catalog as text, or its model as JSON.
// Identifiers are masked in both unless --reveal-identifiers (catalog/mask.ts).
import { SegurError } from '../../errors.js';
import { formatMessage, type Lang } from '../../messages/index.js';
import { requirementsForProfiles } from '../schema.js';
import { resolveCatalog } from '../store.js';
import { catalogCounts } from '../counts.js';
import { maskStringsIn } from '../mask.js';
import { catalogProfiles, matchProfiles } from '../../bundle/profiles.js';

export interface CatalogShowFlags {
  profile?: string[];
  format?: string;
}

export async function runCatalogShow(ref: string, flags: CatalogShowFlags, lang: Lang, options: { revealIdentifiers?: boolean } = {}): Promise<string> {
  const format = flags.format ?? 'tty';
  if (format !== 'tty' && format !== 'json') throw new SegurError('catalog/bad-show-format', { value: format });
  const reveal = options.revealIdentifiers === true;
  const { catalog: read } = await resolveCatalog(ref, { baseDir: process.cwd() });
  // An unknown profile is exit 2, as for init and check: a typo would otherwise show nothing, exit 0.
  const profiles = matchProfiles(read, flags.profile ?? []);
  // Profiles are selected on the catalog as read; everything shown is masked (statements are printed
  // outside the message catalog, and the JSON model is the catalog itself).
  const selected = { ...read, requirements: requirementsForProfiles(read, profiles) };
  const catalog = reveal ? selected : maskStringsIn(selected);
  const { requirements } = catalog;
  if (format === 'json') return `${JSON.stringify(catalog, null, 2)}\n`;

  const say = (code: string, args: Record<string, string | number> = {}) => formatMessage(`catalog/${code}`, args, { lang, revealIdentifiers: reveal });
  const lines = [
    say('show-header', { title: catalog.title, id: catalog.id, file: catalog.source.file, sheet: catalog.source.sheet }),
    // The profiles --profile, init and a manifest's `profile:` can name (of the whole catalog).
    say('show-profiles', { profiles: catalogProfiles(read).join(', ') }),
    say('show-counts', { ...catalogCounts(requirements), profile: profiles.length > 0 ? say('show-profile', { profile: profiles.join(', ') }) : '' }),
  ];
  for (const requirement of requirements) {
    lines.push('');
    const conditional = requirement.conditional === true ? say('show-conditional') : '';
    lines.push(say('show-requirement', { id: requirement.id, nature: requirement.nature, conditional, chapter: requirement.chapter, function: requirement.function }));
    // A loop, not push(...lines): a statement from a hand-made catalog may have any number of lines.
    for (const line of indent(requirement.statement, '  ')) lines.push(line);
    for (const scenario of requirement.scenarios) {
      lines.push(say('show-scenario', { id: scenario.id, text: firstLine(scenario.text) }));
      for (const proof of scenario.proofs) lines.push(say('show-proof', { id: proof.id, text: firstLine(proof.text) }));
    }
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string, prefix: string): string[] {
  return text === '' ? [] : text.split('\n').map((line) => prefix + line);
}

function firstLine(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  return rest.length > 0 ? `${first} …` : first;
}
