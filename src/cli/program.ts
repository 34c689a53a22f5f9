// The commander program: global flags, one file per command, and the exit-code plumbing. Commander's
// own texts never reach the user: help comes from the message catalog (src/cli/help.ts), usage
// errors become SegurErrors in the run's language (src/cli/usage-errors.ts).
import { Command, CommanderError, Option } from 'commander';
import { formatMessage, type Lang } from '../messages/index.js';
import { toolVersion } from '../version.js';
import { bindStartup, type Startup } from './context.js';
import { localisedHelp, localiseDescriptions, type Translate } from './help.js';
import { relaxCommanderChecks, usageError } from './usage-errors.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerInitCommand } from './commands/init.js';
import { registerCheckCommand } from './commands/check.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerChecklistCommand } from './commands/checklist.js';
import { registerBatchCommand } from './commands/batch.js';
import { registerCisisCommands } from './commands/cisis.js';
import { registerHelpCommand } from './commands/help.js';

/** Set by command actions; read once the program has run. */
export interface ExitCodeHolder {
  code: number;
}

export interface ProgramSettings extends Startup {
  /** Language of the help and of usage errors (the run's own is resolved again by each action). */
  lang: Lang;
}

/** The program with every command registered and described in `lang` (also used by the help tests). */
export function buildProgram(settings: ProgramSettings, exit: ExitCodeHolder = { code: 0 }): Command {
  const t: Translate = (code, args) => formatMessage(code, args, { lang: settings.lang });
  const value = (name: string) => t(`help/value.${name}`);
  const program = new Command('segur')
    .version(toolVersion(), '-v, --version')
    .helpOption('-h, --help', t('help/option.help'))
    .helpCommand(false)
    .addOption(new Option(`--lang <${value('lang')}>`))
    .addOption(new Option('--color'))
    .addOption(new Option('--no-color'))
    .addOption(new Option('--reveal-identifiers'))
    .addOption(new Option(`--date <${value('date')}>`))
    .addOption(new Option(`--csv-separator <${value('separator')}>`))
    .addOption(new Option('--debug'))
    .exitOverride()
    // Help printed because a command is missing (`segur`, `segur catalog`) goes to stdout like --help;
    // commander's error texts are not printed at all (usage-errors.ts renders ours).
    .configureOutput({ outputError: () => undefined, writeErr: (text) => process.stdout.write(text) })
    .configureHelp(localisedHelp(t));
  bindStartup(program, settings);

  registerCatalogCommands(program, exit, value);
  registerInitCommand(program, exit, value);
  registerCheckCommand(program, exit, value);
  registerValidateCommand(program, exit, value);
  registerChecklistCommand(program, exit, value);
  registerBatchCommand(program, exit, value);
  registerCisisCommands(program, exit, value);
  registerHelpCommand(program, value);

  localiseDescriptions(program, t);
  relaxCommanderChecks(program);
  return program;
}

export async function runProgram(argv: string[], settings: ProgramSettings): Promise<number> {
  const exit: ExitCodeHolder = { code: 0 };
  const program = buildProgram(settings, exit);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version, and the help shown for a missing command: done.
      if (error.exitCode === 0 || error.code === 'commander.help') return 0;
      throw usageError(error);
    }
    throw error;
  }
  return exit.code;
}
