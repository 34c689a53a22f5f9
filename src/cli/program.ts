// The commander program: global flags, one file per command, and the exit-code plumbing.
import { Command, CommanderError, Help, Option } from 'commander';
import { SegurError } from '../errors.js';
import { toolVersion } from '../version.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerInitCommand } from './commands/init.js';
import { registerCheckCommand } from './commands/check.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerChecklistCommand } from './commands/checklist.js';
import { registerBatchCommand } from './commands/batch.js';
import { registerCisisCommands } from './commands/cisis.js';

/** Set by command actions; read once the program has run. */
export interface ExitCodeHolder {
  code: number;
}

export async function runProgram(argv: string[]): Promise<number> {
  const exit: ExitCodeHolder = { code: 0 };
  const program = new Command('segur')
    .description('Vérifie un dossier de preuves Ségur contre un REM (Référentiel d’Exigences Minimales).')
    .version(toolVersion(), '-V, --version', 'affiche la version')
    .helpOption('-h, --help', 'affiche l’aide')
    .addHelpCommand('help [commande]', 'affiche l’aide d’une commande')
    .addOption(new Option('--lang <langue>', 'langue des messages (fr, en)').default('fr'))
    .option('--no-color', 'désactive les couleurs')
    .option('--reveal-identifiers', 'affiche les INS/NIR en clair (masqués par défaut)')
    .option('--date <iso>', 'date du contrôle à inscrire dans les rapports (sinon SOURCE_DATE_EPOCH, sinon aucune)')
    .option('--debug', 'affiche la pile d’appels des erreurs')
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .configureHelp(frenchHelp);

  registerCatalogCommands(program, exit);
  registerInitCommand(program, exit);
  registerCheckCommand(program, exit);
  registerValidateCommand(program, exit);
  registerChecklistCommand(program, exit);
  registerBatchCommand(program, exit);
  registerCisisCommands(program, exit);

  quietCommanderErrors(program);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      throw new SegurError(usageCode(error.code), { detail: error.message.replace(/^error: /, ''), name: quoted(error.message) });
    }
    throw error;
  }
  return exit.code;
}

// Commander's help headings are English; ours speak French like the rest of the tool.
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Global Options:': 'Options globales :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
};
const frenchHelp: Partial<Help> = {
  styleTitle: (title) => HELP_TITLES[title] ?? title,
  optionDescription: (option) => Help.prototype.optionDescription.call(new Help(), option).replace(/\(default: /, '(par défaut : '),
  argumentDescription: (argument) => Help.prototype.argumentDescription.call(new Help(), argument).replace(/\(default: /, '(par défaut : '),
};

// Commander prints its own (English) errors and calls process.exit by default: we render them ourselves.
function quietCommanderErrors(command: Command): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput({ outputError: () => undefined });
    quietCommanderErrors(sub);
  }
}

const USAGE_CODES: Record<string, string> = {
  'commander.unknownCommand': 'cli/unknown-command',
  'commander.unknownOption': 'cli/unknown-option',
  'commander.missingArgument': 'cli/missing-argument',
  'commander.optionMissingArgument': 'cli/option-missing-value',
  'commander.missingMandatoryOptionValue': 'cli/option-missing-value',
  'commander.excessArguments': 'cli/excess-arguments',
};

function usageCode(commanderCode: string): string {
  return USAGE_CODES[commanderCode] ?? 'cli/usage';
}

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}
