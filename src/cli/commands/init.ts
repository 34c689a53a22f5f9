// `segur init [DIR] --rem CATALOG [--profile P]…`: scaffolds segur.yaml and the proofs/ folders;
// with --upgrade, carries an existing segur.yaml to the REM CATALOG (src/bundle/upgrade.ts).
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { formatMessage } from '../../messages/index.js';

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerInitCommand(program: Command, exit: ExitCodeHolder): void {
  program
    .command('init')
    .description('crée un dossier de preuves : segur.yaml (toutes les exigences du profil) et les dossiers proofs/')
    .argument('[dossier]', 'dossier à créer ou compléter (par défaut : le dossier courant)')
    .requiredOption('--rem <catalogue>', 'catalogue REM (id de rem-catalogs/, fichier .yaml/.json ou classeur .xlsx)')
    .option('--profile <profil>', 'profil (répétable ; par défaut Général s’il existe, sinon tous)', repeat)
    .option('--upgrade', 'met à niveau le segur.yaml existant vers ce REM : écrit segur.<id du REM>.yaml à côté (statuts et preuves repris, « ⚠ » sur ce qui change)')
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
