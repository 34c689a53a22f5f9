// What every command action receives besides its own options: global flags resolved once.
import type { Command } from 'commander';
import { SegurError } from '../errors.js';
import type { Lang } from '../messages/index.js';

export interface GlobalOptions {
  lang: Lang;
  debug: boolean;
  color: boolean;
  revealIdentifiers: boolean;
  /** Run date shown in reports, only when asked (`--date` or SOURCE_DATE_EPOCH); ISO 8601. */
  date?: string;
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals() as Record<string, unknown>;
  const lang = (opts.lang as string | undefined) ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new SegurError('cli/bad-lang', { value: lang });
  const color = opts.color !== false && !('NO_COLOR' in process.env) && process.stdout.isTTY === true;
  return {
    lang,
    debug: opts.debug === true,
    color,
    revealIdentifiers: opts.revealIdentifiers === true,
    date: runDate(opts.date as string | undefined),
  };
}

function runDate(flag: string | undefined): string | undefined {
  if (flag) return flag;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return undefined;
}
