// `segur init [DIR] --rem CATALOG [--profile P]…`: scaffolds segur.yaml and the proofs/ folders;
// with --upgrade, carries an existing segur.yaml to the REM CATALOG (src/bundle/upgrade.ts).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { formatMessage } from '../../messages/index.js';

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerInitCommand(program: Command, exit: ExitCodeHolder, value: (name: string) => string): void {
  program
    .command('init')
    .argument(`[${value('folder')}]`)
    .requiredOption(`--rem <${value('catalog')}>`, '')
    .option(`--profile <${value('profile')}>`, '', repeat)
    .option('--upgrade', '')
    .action(async (dir: string | undefined, flags: { rem: string; profile?: string[]; upgrade?: boolean }, command: Command) => {
      const { lang, revealIdentifiers } = globalOptions(command);
      if (flags.upgrade) {
        const { upgradeBundle } = await import('../../bundle/upgrade.js');
        const result = await upgradeBundle({ dir: dir ?? '.', rem: flags.rem, profiles: flags.profile, lang, revealIdentifiers });
        const args = { file: result.manifestPath, catalog: result.catalog, requirements: result.requirements, attention: result.attention, orphaned: result.orphanedFiles };
        process.stdout.write(`${formatMessage('upgrade/done', args, { lang })}\n`);
        exit.code = 0;
        return;
      }
      const { scaffoldBundle } = await import('../../bundle/scaffold.js');
      const result = await scaffoldBundle({ dir: dir ?? '.', rem: flags.rem, profiles: flags.profile, revealIdentifiers });
      process.stdout.write(
        `${formatMessage('init/done', { file: result.manifestPath, requirements: result.requirements, profiles: result.profiles.join(', '), folders: result.folders }, { lang })}\n`,
      );
      exit.code = 0;
    });
}
