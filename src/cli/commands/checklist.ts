// `segur checklist [BUNDLE] --out FILE.xlsx|.md|.csv [--rem CATALOG] [--profile P]…`: the DSR-ready
// proof checklist. Thin: flags → writeChecklist → exit 0 once written (2 comes from SegurError).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { formatMessage } from '../../messages/index.js';

interface ChecklistFlags {
  out: string;
  rem?: string;
  profile: string[];
}

const repeat = (value: string, previous: string[]) => [...previous, value];

export function registerChecklistCommand(program: Command, exit: ExitCodeHolder): void {
  program
    .command('checklist')
    .description('écrit la liste DSR des preuves à déposer (xlsx, csv ou md selon l’extension ; sortie 0 une fois écrite)')
    .argument('[dossier]', 'dossier de preuves contenant segur.yaml', '.')
    .requiredOption('--out <fichier>', 'fichier à écrire : .xlsx, .csv ou .md')
    .option('--rem <catalogue>', 'catalogue REM à utiliser à la place de celui du manifeste (id, .yaml/.json ou .xlsx)')
    .option('--profile <profil>', 'profil à lister à la place de celui du manifeste (répétable)', repeat, [])
    .action(async (bundleDir: string, flags: ChecklistFlags, command: Command) => {
      const options = globalOptions(command);
      const { writeChecklist } = await import('../../report/checklist.js');
      const counts = await writeChecklist({
        bundleDir,
        out: flags.out,
        rem: flags.rem,
        profiles: flags.profile.length > 0 ? flags.profile : undefined,
        lang: options.lang,
        revealIdentifiers: options.revealIdentifiers,
        date: options.date,
      });
      process.stderr.write(`${formatMessage('report/checklist.written', { file: flags.out, ...counts }, { lang: options.lang })}\n`);
      exit.code = 0;
    });
}
