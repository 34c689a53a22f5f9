// `segur help [COMMAND…]`: the help of the program or of a command (`segur help catalog import`). Our
// own, so that an unknown name is a usage error (exit 2) rather than commander's help on stderr.
import type { Command } from 'commander';
import { SegurError } from '../../errors.js';

export function registerHelpCommand(program: Command, value: (name: string) => string): void {
  program
    .command('help')
    .argument(`[${value('command')}...]`)
    .action((names: string[]) => {
      let target: Command = program;
      for (const name of names) {
        const next = target.commands.find((command) => command.name() === name || command.aliases().includes(name));
        if (!next || next.name() === 'help') throw new SegurError('cli/unknown-command', { name });
        target = next;
      }
      target.outputHelp();
    });
}
