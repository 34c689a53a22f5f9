// The options linters taught CI users (ESLint, Conftest), shared by `check` and `validate`:
// --fail-level error|warning (with --strict as its alias), --max-warnings N, -q/--quiet, and
// -o/--output FILE as the file of a single output. Each falls back on the configuration file.
import type { Command } from 'commander';
import { extname } from 'node:path';
import { SegurError } from '../errors.js';
import type { RunConfig } from '../config/schema.js';

export interface GateFlags {
  failLevel?: string;
  strict?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
}

export interface GatePolicy {
  /** Warnings fail the gate too (`--fail-level warning`, `--strict`). */
  strict: boolean;
  /** The gate fails beyond this many warnings. */
  maxWarnings?: number;
  /** Outputs show errors only. */
  quiet: boolean;
}

export function addGateOptions(command: Command, value: (name: string) => string): Command {
  return command
    .option(`--fail-level <${value('level')}>`, '')
    .option('--strict', '')
    .option(`--max-warnings <${value('n')}>`, '')
    .option('-q, --quiet', '');
}

/** Flags first, then the configuration; a bad value is exit 2 naming the flag. */
export function gatePolicy(flags: GateFlags, config: RunConfig | undefined): GatePolicy {
  const failLevel = flags.failLevel ?? config?.['fail-level'];
  if (failLevel !== undefined && failLevel !== 'error' && failLevel !== 'warning') throw new SegurError('cli/bad-fail-level', { value: failLevel });
  let maxWarnings: number | undefined = config?.['max-warnings'];
  if (flags.maxWarnings !== undefined) {
    if (!/^\d{1,9}$/.test(flags.maxWarnings)) throw new SegurError('cli/bad-max-warnings', { value: flags.maxWarnings });
    maxWarnings = Number(flags.maxWarnings);
  }
  return {
    strict: flags.strict === true || failLevel === 'warning',
    ...(maxWarnings === undefined ? {} : { maxWarnings }),
    quiet: flags.quiet ?? config?.quiet ?? false,
  };
}

/** What a file extension says about its format, for `-o FILE` alone. */
const EXTENSION_FORMATS: Record<string, string> = {
  '.json': 'json',
  '.sarif': 'sarif',
  '.xml': 'junit',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
  '.csv': 'csv',
  '.txt': 'tty',
  '.log': 'tty',
};

/**
 * The `--format` values of a run: the command line's, else the configuration's. `-o FILE` is the
 * file of the one format given on the command line (`--format json -o r.json` = `--format json:r.json`),
 * or, with no --format, of the format its extension names (`-o r.sarif`).
 */
export function formatValues(flags: { format?: string[]; output?: string }, config: RunConfig | undefined, fallback: string): string[] {
  const given = flags.format ?? [];
  if (flags.output === undefined) {
    if (given.length > 0) return given;
    const configured = config?.format;
    return configured === undefined ? [] : typeof configured === 'string' ? [configured] : configured;
  }
  if (given.length === 0) {
    const format = flags.output.toLowerCase().endsWith('.sarif.json') ? 'sarif' : EXTENSION_FORMATS[extname(flags.output).toLowerCase()];
    if (!format) throw new SegurError('cli/output-format-unknown', { file: flags.output, fallback });
    return [`${format}:${flags.output}`];
  }
  if (given.length > 1 || given[0]!.includes(':')) throw new SegurError('cli/output-ambiguous', { file: flags.output });
  return [`${given[0]}:${flags.output}`];
}
