// `segur checklist [BUNDLE] -o FILE.xlsx|.md|.csv [--rem CATALOG] [--profile P]…`: the DSR-ready
// proof checklist. Thin: flags → writeChecklist → exit 0 once written (2 comes from SegurError).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { formatMessage } from '../../messages/index.js';
import { bundleConfig } from '../bundle-config.js';

interface ChecklistFlags {
  out: string;
  rem?: string;
  profile?: string[];
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerChecklistCommand(program: Command, exit: ExitCodeHolder, value: (name: string) => string): void {
  program
    .command('checklist')
    .argument(`[${value('folder')}]`)
    .requiredOption(`-o, --out <${value('file')}>`, '')
    .option(`--rem <${value('catalog')}>`, '')
    .option(`--profile <${value('profile')}>`, '', repeat)
    .action(async (bundleDir: string | undefined, flags: ChecklistFlags, command: Command) => {
      const dir = bundleDir ?? '.';
      const options = globalOptions(command, await bundleConfig(command, dir));
      const { writeChecklist } = await import('../../report/checklist.js');
      const counts = await writeChecklist({
        bundleDir: dir,
        out: flags.out,
        rem: flags.rem,
        profiles: flags.profile,
        lang: options.lang,
        revealIdentifiers: options.revealIdentifiers,
        date: options.date,
        csvSeparator: options.csvSeparator,
      });
      process.stderr.write(`${formatMessage('report/checklist.written', { file: flags.out, ...counts }, { lang: options.lang })}\n`);
      exit.code = 0;
    });
}
