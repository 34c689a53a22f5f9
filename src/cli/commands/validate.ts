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
    .action(async (files: string[], options: { kind?: string; format: string }, command: Command) => {
      const global = globalOptions(command);
      if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind)) {
        throw new SegurError('artefacts/bad-kind', { value: options.kind });
      }
      if (!(FORMATS as readonly string[]).includes(options.format)) {
        throw new SegurError('artefacts/bad-format', { value: options.format });
      }
      const { validateFiles } = await import('../../artefacts/validate-files.js');
      const { renderValidateJson, renderValidateText } = await import('../../artefacts/validate-output.js');
      const results = await validateFiles(files, options.kind as (typeof KINDS)[number] | undefined);
      const render = options.format === 'json' ? renderValidateJson : renderValidateText;
      process.stdout.write(render(results, global));
      exit.code = results.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
    });
}
