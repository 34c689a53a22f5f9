// `segur batch DIR --out DIR [--jobs N] [--format FMT]… [--rem] [--profile P]… [--strict]`: checks
// every bundle (sub-folder with a segur.yaml) of DIR, writes one report folder per bundle and the
// cross-bundle matrix. Exit 0 when every bundle passed, 1 otherwise, 2 when the batch could not run.
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
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerBatchCommand(program: Command, exit: ExitCodeHolder): void {
  program
    .command('batch')
    .description('contrôle tous les dossiers de preuves d’un dossier et écrit un rapport par dossier et une matrice croisée')
    .argument('<dossier>', 'dossier contenant un sous-dossier par dossier de preuves (chacun avec son segur.yaml)')
    .requiredOption('--out <dossier>', 'dossier où écrire les rapports (créé au besoin ; jamais à l’intérieur d’un dossier de preuves)')
    .option('--jobs <n>', 'nombre de dossiers contrôlés en parallèle (par défaut : le nombre de cœurs, 4 au plus)')
    .option('--format <format>', 'format des rapports par dossier (répétable ; par défaut json et html)', repeat)
    .option('--rem <catalogue>', 'catalogue REM imposé à tous les dossiers')
    .option('--profile <profil>', 'profil imposé à tous les dossiers (répétable)', repeat)
    .option('--strict', 'échoue aussi sur les avertissements')
    .action(async (dir: string, flags: BatchFlags, command: Command) => {
      const options = globalOptions(command);
      const { isFormatName } = await import('../../report/index.js');
      const { DEFAULT_BATCH_FORMATS, refuseOutputInsideBundles, writeBatchOutputs } = await import('../../batch/write-outputs.js');
      const formats = flags.format?.length ? [...new Set(flags.format)] : [...DEFAULT_BATCH_FORMATS];
      for (const format of formats) {
        if (!isFormatName(format)) throw new SegurError('batch/bad-format', { format });
      }
      const jobs = parseJobs(flags.jobs);
      const { findBundles } = await import('../../batch/find-bundles.js');
      const bundles = await findBundles(dir);
      refuseOutputInsideBundles(flags.out, bundles, formats.filter(isFormatName));

      const { runBatch } = await import('../../batch/run-batch.js');
      const outcome = await runBatch({
        bundles,
        jobs,
        rem: flags.rem,
        profiles: flags.profile,
        strict: flags.strict === true,
        lang: options.lang,
        revealIdentifiers: options.revealIdentifiers,
        date: options.date,
        onBundleDone: progressLine(options.lang),
      });
      const summary = await writeBatchOutputs(flags.out, outcome.entries, { formats: formats.filter(isFormatName), lang: options.lang, date: options.date, csvSeparator: options.csvSeparator });
      const { renderBatchTty } = await import('../../batch/render.js');
      process.stdout.write(renderBatchTty(summary, options.lang, flags.out));
      exit.code = outcome.passed ? 0 : 1;
    });
}

// On a terminal only: one line rewritten in place as bundles finish; pipelines and CI stay quiet.
function progressLine(lang: Lang): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${formatMessage('batch/progress', { done, total }, { lang })}${done === total ? '\n' : ''}`);
  };
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new SegurError('batch/bad-jobs', { value });
  return Number(value);
}
