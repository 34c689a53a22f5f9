// `segur validate FILE… [--kind cda|ins|xdm|eml|evs-report] [--format tty|json]`: artefacts on
// their own. Exit 0 without error finding, 1 with one, 2 when a file cannot be read at all.
import type { Command } from 'commander';
import { SegurError } from '../../errors.js';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';

const KINDS = ['cda', 'ins', 'xdm', 'eml', 'evs-report'] as const;
const FORMATS = ['tty', 'json'] as const;

export function registerValidateCommand(program: Command, exit: ExitCodeHolder): void {
  program
    .command('validate')
    .description('valide des artefacts (CDA R2, réponse INSi) hors de tout dossier de preuves')
    .argument('<fichiers...>', 'fichiers à valider')
    .option('--kind <type>', 'type des fichiers (cda, ins, xdm, eml, evs-report) ; sinon déduit du contenu')
    .option('--format <format>', 'sortie : tty ou json', 'tty')
    .option('--cisis <dossier>', 'vérifie aussi les règles de contenu CI-SIS (volets) avec ce dossier TestContenuCDA de l’ANS')
    .option('--volet <nom>', 'impose le volet CI-SIS (ex. BIO-CR-BIO_2024.01) au lieu de le déduire de l’en-tête')
    .option('--xsd', 'avec --cisis : valide aussi les CDA contre infrastructure/cda/CDA_extended.xsd (xmllint, paquet libxml2-utils)')
    .action(async (files: string[], options: { kind?: string; format: string; cisis?: string; volet?: string; xsd?: boolean }, command: Command) => {
      const global = globalOptions(command);
      if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind)) {
        throw new SegurError('artefacts/bad-kind', { value: options.kind });
      }
      if (!(FORMATS as readonly string[]).includes(options.format)) {
        throw new SegurError('artefacts/bad-format', { value: options.format });
      }
      if (options.volet !== undefined && options.cisis === undefined) throw new SegurError('cisis/volet-needs-cisis');
      if (options.xsd && options.cisis === undefined) throw new SegurError('cisis/xsd-needs-cisis');
      const cisis =
        options.cisis === undefined ? undefined : await (await import('../../cisis/resolve-options.js')).resolveCisisOptions(options.cisis, { volet: options.volet, xsd: options.xsd }, global.lang);
      const { validateFiles } = await import('../../artefacts/validate-files.js');
      const { renderValidateJson, renderValidateText } = await import('../../artefacts/validate-output.js');
      const results = await validateFiles(files, options.kind as (typeof KINDS)[number] | undefined, { cisis });
      const render = options.format === 'json' ? renderValidateJson : renderValidateText;
      // Without --cisis, one run-level note (not one per document) says the volet rules did not run.
      const notes = !cisis && results.some((file) => file.kind === 'cda') ? ['cisis/not-run'] : [];
      process.stdout.write(render(results, { ...global, notes }));
      exit.code = results.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
    });
}
