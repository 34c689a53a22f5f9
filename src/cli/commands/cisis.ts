// `segur cisis import DIR`: compiles ANS's CI-SIS volet schematrons (a TestContenuCDA tree) into
// cached rule packs. Flags only: the work is in src/cisis/, loaded lazily (fontoxpath, slimdom).
import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';
import { globalOptions } from '../context.js';

export function registerCisisCommands(program: Command, _exit: ExitCodeHolder, value: (name: string) => string): void {
  const cisis = program.command('cisis');
  cisis
    .command('import')
    .argument(`<${value('folder')}>`)
    .option('--force', '')
    .action(async (dir: string, flags: { force?: boolean }, command: Command) => {
      const { lang } = globalOptions(command);
      const { runCisisImport } = await import('../../cisis/import-command.js');
      process.stdout.write(await runCisisImport(dir, { lang, force: flags.force === true, progress: (line) => process.stderr.write(`${line}\n`) }));
    });
}
