// Usage errors in the run's language. Commander's messages are English and some of its checks come
// in an order users do not expect (a missing required option reported before a missing argument):
// those checks are done here instead, and commander's remaining errors are mapped to our codes.
import type { Command, CommanderError, Option } from 'commander';
import { SegurError } from '../errors.js';
import { hasMessage } from '../messages/index.js';
import { commandKey } from './help.js';

const USAGE_CODES: Record<string, string> = {
  'commander.unknownCommand': 'cli/unknown-command',
  'commander.unknownOption': 'cli/unknown-option',
  'commander.missingArgument': 'cli/missing-argument',
  'commander.optionMissingArgument': 'cli/option-missing-value',
  'commander.missingMandatoryOptionValue': 'cli/missing-option',
};

/** A commander error as a SegurError: the name it quotes, and its "did you mean" suggestion when it has one. */
export function usageError(error: CommanderError): SegurError {
  const code = USAGE_CODES[error.code];
  if (!code) return new SegurError('cli/usage', { detail: error.message.replace(/^error: /, '') });
  // `option '--rem <catalogue>' argument missing`: the flag alone; `-o, --output <fichier>`: both spellings.
  const name = (/'([^']+)'/.exec(error.message)?.[1] ?? '').replace(/\s*<[^>]*>|\s*\[[^\]]*\]/g, '').replace(/,\s*/g, ' / ');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  return suggestion && hasMessage(`${code}-suggestion`) ? new SegurError(`${code}-suggestion`, { name, suggestion }) : new SegurError(code, { name });
}

const mandatoryOptions = new WeakMap<Command, Option[]>();

/**
 * Excess arguments and required options are checked by us, after commander has checked the
 * arguments (`segur batch` alone: the missing folder first), in our words.
 */
export function relaxCommanderChecks(program: Command): void {
  const visit = (command: Command): void => {
    command.allowExcessArguments(true);
    // Commander's implicit `help` subcommand speaks English: `segur help catalog import` is ours.
    if (command.parent) command.helpCommand(false);
    const mandatory = command.options.filter((option) => option.mandatory);
    for (const option of mandatory) option.makeOptionMandatory(false);
    if (mandatory.length > 0) mandatoryOptions.set(command, mandatory);
    command.commands.forEach(visit);
  };
  visit(program);
  program.hook('preAction', (_program, action) => {
    const registered = action.registeredArguments;
    const variadic = registered.at(-1)?.variadic === true;
    if (!variadic && action.args.length > registered.length) {
      throw new SegurError('cli/excess-arguments', {
        command: commandName(action),
        expected: registered.length,
        extra: action.args.slice(registered.length).join(' '),
      });
    }
    for (const option of mandatoryOptions.get(action) ?? []) {
      if (action.getOptionValue(option.attributeName()) === undefined) {
        throw new SegurError('cli/missing-option', { name: option.long ?? option.flags, command: commandName(action) });
      }
    }
  });
}

/** `segur check`, `segur catalog import`. */
function commandName(command: Command): string {
  return commandKey(command) === 'help/segur' ? 'segur' : `segur ${commandKey(command).slice('help/'.length).replace(/\./g, ' ')}`;
}
