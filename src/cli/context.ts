// What every command action receives besides its own options: global flags resolved once, with the
// configuration file and the environment behind them (flag > environment > configuration > default).
import type { Command } from 'commander';
import { SegurError } from '../errors.js';
import type { Lang } from '../messages/index.js';
import type { LoadedConfig } from '../config/load.js';
import type { CsvSeparatorName } from '../config/schema.js';
import { resolveLang } from './lang.js';
import { csvSeparatorFor } from '../report/render/csv-record.js';

export interface GlobalOptions {
  lang: Lang;
  debug: boolean;
  color: boolean;
  revealIdentifiers: boolean;
  /** Run date shown in reports, only when asked (`--date` or SOURCE_DATE_EPOCH); ISO 8601. */
  date?: string;
  /** Field separator of the CSV files written (`--csv-separator`, else `;` in French, `,` in English). */
  csvSeparator: string;
  /** The configuration file in force, if any. */
  config?: LoadedConfig;
}

/** What `main` decided before the parser ran: the configuration read from the current folder. */
export interface Startup {
  config?: LoadedConfig;
}

const startups = new WeakMap<Command, Startup>();

export function bindStartup(program: Command, startup: Startup): void {
  startups.set(program, startup);
}

/** The global options of the run; `config` replaces the start-up configuration (a bundle's own). */
export function globalOptions(command: Command, config?: LoadedConfig): GlobalOptions {
  const opts = command.optsWithGlobals() as Record<string, unknown>;
  const inForce = config ?? startups.get(rootOf(command))?.config;
  const lang = resolveLang(opts.lang as string | undefined, inForce?.config);
  return {
    lang,
    debug: opts.debug === true,
    color: colorWanted(opts.color as boolean | undefined, process.env, process.stdout.isTTY === true),
    revealIdentifiers: opts.revealIdentifiers === true,
    date: runDate(opts.date as string | undefined),
    csvSeparator: csvSeparator((opts.csvSeparator as string | undefined) ?? inForce?.config['csv-separator'], lang),
    ...(inForce ? { config: inForce } : {}),
  };
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * `--color`/`--no-color` first; then FORCE_COLOR (any value but `0`/`false` forces colours, as in
 * Node and chalk); then NO_COLOR (no-color.org: set and not empty); then whether stdout is a terminal.
 */
export function colorWanted(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty;
}

/** `;` (what French-locale Excel splits on), `,` or `tab`; the run's language decides when unset. */
export function csvSeparator(value: string | undefined, lang: Lang): string {
  if (value === undefined) return csvSeparatorFor(lang);
  const separators: Record<CsvSeparatorName, string> = { ';': ';', ',': ',', tab: '\t' };
  if (!Object.hasOwn(separators, value)) throw new SegurError('cli/bad-csv-separator', { value });
  return separators[value as CsvSeparatorName];
}

/**
 * `--date` (a calendar date or an ISO 8601 date-time, checked to exist), else SOURCE_DATE_EPOCH
 * (whole seconds since 1970, reproducible-builds.org: a malformed value is an error, not ignored).
 */
export function runDate(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag !== undefined) {
    if (!isIsoDate(flag)) throw new SegurError('cli/bad-date', { value: flag });
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  const date = /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new SegurError('cli/bad-source-date-epoch', { value: epoch });
  return date.toISOString();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** `2026-03-14` or `2026-03-14T09:30:00Z` (offset optional), with a real day and time. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offset] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(y, m, 0); // day 0 of the next month: the last day of this one (years < 100 included)
  if (m < 1 || m > 12 || d < 1 || d > lastDay.getUTCDate()) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return false;
  return true;
}
