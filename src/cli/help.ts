// Commander's help, in the run's language: headings, usage words, and every description taken from
// the message catalog (`help/…` keys) by the command's path — `help/check` describes `segur check`,
// `help/check.format` its --format option, `help/check.args.0` its first argument. Commands register
// flags only; test/cli/help.test.ts checks that every one of them has its text in both languages.
import { Help, type Command } from 'commander';
import { hasMessage } from '../messages/index.js';

export type Translate = (code: string, args?: Record<string, string | number>) => string;

/** Help settings for the program (inherited by its subcommands): localised, global options shown. */
export function localisedHelp(t: Translate): Partial<Help> & { showGlobalOptions: boolean } {
  const titles: Record<string, string> = {
    'Usage:': t('help/title.usage'),
    'Options:': t('help/title.options'),
    'Global Options:': t('help/title.global-options'),
    'Commands:': t('help/title.commands'),
    'Arguments:': t('help/title.arguments'),
  };
  return {
    showGlobalOptions: true,
    sortSubcommands: false,
    styleTitle: (title) => titles[title] ?? title,
    commandUsage: (command) =>
      Help.prototype.commandUsage
        .call(new Help(), command)
        .replace('[options]', t('help/usage.options'))
        .replace('[command]', t('help/usage.command')),
  };
}

/** The key of a command's description: `help/segur`, `help/check`, `help/catalog.import`. */
export function commandKey(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.length === 1 ? 'help/segur' : `help/${names.slice(1).join('.')}`;
}

/** Sets every description of `command` and its subcommands from the catalog; keys missing are listed. */
export function localiseDescriptions(command: Command, t: Translate, missing: string[] = []): string[] {
  const key = commandKey(command);
  const describe = (code: string, set: (text: string) => void): void => {
    if (hasMessage(code)) set(t(code));
    else missing.push(code);
  };
  describe(key, (text) => command.description(text));
  for (const option of command.options) {
    describe(`${key}.${(option.long ?? option.short ?? '').replace(/^-+/, '')}`, (text) => {
      option.description = text;
    });
  }
  command.registeredArguments.forEach((argument, index) => {
    describe(`${key}.args.${index}`, (text) => {
      argument.description = text;
    });
  });
  for (const sub of command.commands) localiseDescriptions(sub, t, missing);
  return missing;
}
