// `segur cisis import DIR`: compiles ANS's CI-SIS volet schematrons (a TestContenuCDA tree) into
// cached rule packs. Flags only: the work is in src/cisis/, loaded lazily (fontoxpath, slimdom).
import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';
import { globalOptions } from '../context.js';

export function registerCisisCommands(program: Command, _exit: ExitCodeHolder): void {
  const cisis = program.command('cisis').description('règles de contenu CI-SIS : schématrons des volets de l’ANS (TestContenuCDA)');
  cisis
    .command('import')
    .description('compile les schématrons des volets d’un dossier TestContenuCDA (mis en cache) et liste ce qui a été compilé')
    .argument('<dossier>', 'copie du dépôt TestContenuCDA de l’ANS (contient schematrons/ et jeuxDeValeurs/)')
    .option('--force', 'recompile même si le cache contient déjà ces règles')
    .action(async (dir: string, flags: { force?: boolean }, command: Command) => {
      const { lang } = globalOptions(command);
      const { runCisisImport } = await import('../../cisis/import-command.js');
      process.stdout.write(await runCisisImport(dir, { lang, force: flags.force === true, progress: (line) => process.stderr.write(`${line}\n`) }));
    });
}
