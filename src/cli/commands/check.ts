// `segur check [BUNDLE] [--rem CATALOG] [--profile P]… [--format FMT[:PATH]]… [-o FILE]
// [--fail-level error|warning] [--strict] [--max-warnings N] [--quiet] [--since OLD] [--cisis DIR]
// [--volet NAME] [--xsd]`: the gate.
// Thin: flags → checkBundle → reporters → exit code (0 passed, 1 failed; 2 comes from SegurError).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { addGateOptions, formatValues, gatePolicy, type GateFlags } from '../gate-options.js';
import { bundleConfig } from '../bundle-config.js';
import { delayedSpinner } from '../progress.js';

interface CheckFlags extends GateFlags {
  rem?: string;
  profile?: string[];
  format?: string[];
  output?: string;
  since?: string;
  cisis?: string;
  volet?: string;
  xsd?: boolean;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerCheckCommand(program: Command, exit: ExitCodeHolder, value: (name: string) => string): void {
  const check = program
    .command('check')
    .argument(`[${value('folder')}]`)
    .option(`--rem <${value('catalog')}>`, '')
    .option(`--profile <${value('profile')}>`, '', repeat)
    .option(`--format <${value('format-spec')}>`, '', repeat)
    .option(`-o, --output <${value('file')}>`, '');
  addGateOptions(check, value)
    .option(`--since <${value('catalog')}>`, '')
    .option(`--cisis <${value('folder')}>`, '')
    .option(`--volet <${value('name')}>`, '')
    .option('--xsd', '')
    .action(async (bundleDir: string | undefined, flags: CheckFlags, command: Command) => {
      const dir = bundleDir ?? '.';
      const options = globalOptions(command, await bundleConfig(command, dir));
      const config = options.config?.config;
      const gate = gatePolicy(flags, config);
      // `--cisis`, else `cisis:` of .segurrc.yaml (the manifest's own key is read by the engine).
      const cisis = flags.cisis ?? (config?.cisis !== undefined ? (await import('../../config/load.js')).configCisis(options.config) : undefined);
      const { parseOutputSpecs, prepareOutputSpecs, writeOutputs } = await import('../../report/output.js');
      const specs = await prepareOutputSpecs(parseOutputSpecs(formatValues(flags, config, 'tty')), [dir]);
      const { checkBundle } = await import('../../engine/check.js');
      const progress = await delayedSpinner(options.lang, options.color);
      let outcome;
      try {
        outcome = await checkBundle({
          bundleDir: dir,
          rem: flags.rem,
          profiles: flags.profile,
          strict: gate.strict,
          ...(gate.maxWarnings === undefined ? {} : { maxWarnings: gate.maxWarnings }),
          lang: options.lang,
          revealIdentifiers: options.revealIdentifiers,
          date: options.date,
          onProgress: progress.update,
          ...(cisis !== undefined ? { cisis } : {}),
          ...(flags.cisis === undefined && cisis !== undefined && options.config ? { cisisNamedBy: options.config.file } : {}),
          ...(flags.volet !== undefined ? { volet: flags.volet } : {}),
          ...(flags.xsd ? { xsd: true } : {}),
        });
      } finally {
        progress.stop();
      }
      if (flags.since) {
        const { impactSince } = await import('../../bundle/impact.js');
        const since = { bundleDir: dir, since: flags.since, newCatalog: outcome.context.catalog, profiles: flags.profile };
        outcome.context.report.since = await impactSince(since);
      }
      await writeOutputs(outcome.context, specs, { color: options.color, csvSeparator: options.csvSeparator, quiet: gate.quiet });
      exit.code = outcome.gatePassed ? 0 : 1;
    });
}
