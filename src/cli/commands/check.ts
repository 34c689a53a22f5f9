// `segur check [BUNDLE] [--rem CATALOG] [--profile P]… [--format FMT[:PATH]]… [--strict] [--since OLD]`: the gate.
// Thin: flags → checkBundle → reporters → exit code (0 passed, 1 failed; 2 comes from SegurError).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { formatMessage, type Lang } from '../../messages/index.js';

interface CheckFlags {
  rem?: string;
  profile?: string[];
  format?: string[];
  strict?: boolean;
  since?: string;
  cisis?: string;
  volet?: string;
  xsd?: boolean;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerCheckCommand(program: Command, exit: ExitCodeHolder): void {
  program
    .command('check')
    .description('contrôle un dossier de preuves contre son REM (sortie 0 : réussi, 1 : échoué, 2 : impossible)')
    .argument('[dossier]', 'dossier de preuves contenant segur.yaml (par défaut : le dossier courant)')
    .option('--rem <catalogue>', 'catalogue REM à utiliser à la place de celui du manifeste (id, .yaml/.json ou .xlsx)')
    .option('--profile <profil>', 'profil à contrôler à la place de celui du manifeste (répétable)', repeat)
    .option('--format <format[:fichier]>', 'format du rapport, et fichier où l’écrire (répétable ; tty sur la sortie standard par défaut)', repeat)
    .option('--strict', 'échoue aussi sur les avertissements')
    .option('--since <catalogue>', 'REM précédent du dossier : le rapport dit aussi ce que le changement de REM fait à ses preuves (tty, json, markdown)')
    .option('--cisis <dossier>', 'vérifie aussi les règles de contenu CI-SIS (volets) des CDA avec ce dossier TestContenuCDA (sinon cisis: du manifeste)')
    .option('--volet <nom>', 'impose le volet CI-SIS à tous les CDA (ex. BIO-CR-BIO_2024.01)')
    .option('--xsd', 'avec --cisis : valide aussi les CDA contre infrastructure/cda/CDA_extended.xsd (xmllint, paquet libxml2-utils)')
    .action(async (bundleDir: string | undefined, flags: CheckFlags, command: Command) => {
      const options = globalOptions(command);
      const { parseOutputSpecs, prepareOutputSpecs, writeOutputs } = await import('../../report/output.js');
      const specs = await prepareOutputSpecs(parseOutputSpecs(flags.format ?? []), [bundleDir ?? '.']);
      const { checkBundle } = await import('../../engine/check.js');
      const progress = await delayedSpinner(options.lang);
      let outcome;
      try {
        outcome = await checkBundle({
          bundleDir: bundleDir ?? '.',
          rem: flags.rem,
          profiles: flags.profile,
          strict: flags.strict === true,
          lang: options.lang,
          revealIdentifiers: options.revealIdentifiers,
          date: options.date,
          onProgress: progress.update,
          ...(flags.cisis !== undefined ? { cisis: flags.cisis } : {}),
          ...(flags.volet !== undefined ? { volet: flags.volet } : {}),
          ...(flags.xsd ? { xsd: true } : {}),
        });
      } finally {
        progress.stop();
      }
      if (flags.since) {
        const { impactSince } = await import('../../bundle/impact.js');
        const since = { bundleDir: bundleDir ?? '.', since: flags.since, newCatalog: outcome.context.catalog, profiles: flags.profile };
        outcome.context.report.since = await impactSince(since);
      }
      await writeOutputs(outcome.context, specs, { color: options.color });
      exit.code = outcome.gatePassed ? 0 : 1;
    });
}

interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

// A spinner on stderr, on a terminal only, and only once the run has lasted 300 ms: quick runs
// and pipelines stay silent.
async function delayedSpinner(lang: Lang): Promise<Progress> {
  // A terminal without a width (some ptys) makes ora's line counting loop: no spinner there.
  if (!process.stderr.isTTY || !(process.stderr.columns > 0)) return { update: () => undefined, stop: () => undefined };
  const { default: ora } = await import('ora');
  const text = (done: number, total: number) => formatMessage('check/progress', { done, total }, { lang });
  const spinner = ora({ stream: process.stderr, text: text(0, 0), discardStdin: false });
  const timer = setTimeout(() => spinner.start(), 300);
  return {
    update: (done, total) => {
      spinner.text = text(done, total);
    },
    stop: () => {
      clearTimeout(timer);
      if (spinner.isSpinning) spinner.stop();
    },
  };
}
