// `segur batch DIR --out DIR [--jobs N] [--resume] [--format FMT]… [--rem] [--profile P]… [--strict]
// [--bundle-timeout S] [--bundle-memory MO]`: checks every bundle found under DIR (nested folders,
// `.zip` deposits), writes one report folder per bundle and the batch files. Every option is checked
// before any bundle runs. Exit 0 when every bundle passed, 1 otherwise, 2 when the batch could not run.
import type { Command } from 'commander';
import { SegurError } from '../../errors.js';
import { globalOptions } from '../context.js';
import { formatMessage, type Lang } from '../../messages/index.js';
import type { ExitCodeHolder } from '../program.js';

interface BatchFlags {
  out: string;
  jobs?: string;
  format?: string[];
  rem?: string;
  profile?: string[];
  strict?: boolean;
  resume?: boolean;
  bundleTimeout?: string;
  bundleMemory?: string;
  cisis?: string;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerBatchCommand(program: Command, exit: ExitCodeHolder, value: (name: string) => string): void {
  // Descriptions come from the help/batch.* keys (cli/help.ts), value names from help/value.*.
  program
    .command('batch')
    .argument(`<${value('folder')}>`)
    .requiredOption(`--out <${value('folder')}>`, '')
    .option(`--jobs <${value('n')}>`, '')
    .option(`--format <${value('format')}>`, '', repeat)
    .option(`--rem <${value('catalog')}>`, '')
    .option(`--profile <${value('profile')}>`, '', repeat)
    .option('--strict', '')
    .option('--resume', '')
    .option(`--bundle-timeout <${value('seconds')}>`, '')
    .option(`--bundle-memory <${value('mb')}>`, '')
    .option(`--cisis <${value('folder')}>`, '')
    .action(async (dir: string, flags: BatchFlags, command: Command) => {
      const options = globalOptions(command);
      const { isFormatName } = await import('../../report/index.js');
      const { DEFAULT_BATCH_FORMATS, RESERVED_NAMES, refuseOutputInsideBundles } = await import('../../batch/write-outputs.js');
      const { DEFAULT_LIMITS, checkProfilesExist, defaultJobs, runBatch } = await import('../../batch/run-batch.js');
      const { checkForcedCatalog, checkOutDir } = await import('../../batch/options.js');
      const requested = flags.format?.length ? [...new Set(flags.format)] : [...DEFAULT_BATCH_FORMATS];
      for (const format of requested) {
        if (!isFormatName(format)) throw new SegurError('batch/bad-format', { format });
      }
      const formats = requested.filter(isFormatName);
      const jobs = parseCount(flags.jobs, 'batch/bad-jobs', 999) ?? defaultJobs();
      const limits = {
        timeoutMs: (parseCount(flags.bundleTimeout, 'batch/bad-timeout', 86_400) ?? DEFAULT_LIMITS.timeoutMs / 1000) * 1000,
        heapMb: parseCount(flags.bundleMemory, 'batch/bad-memory', 65_536) ?? DEFAULT_LIMITS.heapMb,
      };
      const settings = {
        rem: flags.rem,
        profiles: flags.profile,
        strict: flags.strict === true,
        lang: options.lang,
        revealIdentifiers: options.revealIdentifiers,
        date: options.date,
        // A submitted folder's `cisis:` key would let it bring the rules it is judged by: only the
        // reviewer's --cisis tree counts, compiled here once before any bundle runs.
        manifestCisis: false,
        ...(await reviewerCisis(flags.cisis, options.lang)),
      };
      await checkForcedCatalog(flags.rem, flags.profile);
      const { findBundles } = await import('../../batch/find-bundles.js');
      const items = await findBundles(dir, { excludeDirs: [flags.out], reservedNames: RESERVED_NAMES });
      refuseOutputInsideBundles(flags.out, items, formats);
      await checkOutDir(flags.out);
      await checkProfilesExist(items, settings, jobs, limits);

      const outcome = await runBatch({ items, outDir: flags.out, formats, settings, jobs, resume: flags.resume === true, limits, csvSeparator: options.csvSeparator, onBundleDone: progressLine(options.lang) });
      const { renderBatchTty } = await import('../../batch/render.js');
      process.stdout.write(renderBatchTty(outcome.summary, options.lang, flags.out, outcome.reused));
      exit.code = outcome.passed ? 0 : 1;
    });
}

/**
 * `--cisis DIR`: the tree as an absolute path for the workers, and the compiled packs' content key,
 * which the --resume cache key includes (the same folder with other rules re-checks every bundle).
 * SegurError (exit 2) when DIR is not a TestContenuCDA tree.
 */
async function reviewerCisis(dir: string | undefined, lang: Lang): Promise<{ cisis?: string; cisisPack?: string }> {
  if (dir === undefined) return {};
  const { basename, resolve } = await import('node:path');
  const { resolveCisisOptions } = await import('../../cisis/resolve-options.js');
  const { packDir } = await resolveCisisOptions(resolve(dir), {}, lang);
  return { cisis: resolve(dir), cisisPack: basename(packDir) };
}

// On a terminal only: one line rewritten in place as bundles finish; pipelines and CI stay quiet.
function progressLine(lang: Lang): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${formatMessage('batch/progress', { done, total }, { lang })}${done === total ? '\n' : ''}`);
  };
}

function parseCount(value: string | undefined, code: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value) || Number(value) > max) throw new SegurError(code, { value, max });
  return Number(value);
}
