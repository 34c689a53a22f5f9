// `segur catalog import | list | show | diff`. Flags only: the work is in src/catalog/commands/, loaded lazily.
import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';
import { globalOptions } from '../context.js';

export function registerCatalogCommands(program: Command, _exit: ExitCodeHolder): void {
  const catalog = program.command('catalog').description('importe et consulte les catalogues d’exigences (REM)');

  catalog
    .command('import')
    .description('lit un classeur REM (.xlsx) et écrit le catalogue rem-catalogs/<id>.yaml')
    .argument('<classeur>', 'classeur REM publié par l’ANS, par exemple REM-MDV-LGC-Va1.xlsx')
    .option('--out <fichier>', 'fichier catalogue à écrire (défaut : rem-catalogs/<id>.yaml)')
    .option('--sheet <nom>', 'feuille à lire (défaut : détectée par son en-tête)')
    .option('--columns <fichier.yaml>', 'mise en page inconnue : « columns: » puis une ligne « En-tête: champ » par colonne (champs id, statement, chapter, function, scenarioId, scenario, proofId1, proof1…, ignore ; voir le README)')
    .option('--explain', 'affiche quelle colonne a donné quel champ, ce qui a été ignoré ou supposé, et les comptes')
    .option('--max-uncompressed-mb <Mo>', 'taille décompressée maximale acceptée pour le classeur (défaut : 100)')
    .action(async (workbook: string, flags: Record<string, unknown>, command: Command) => {
      const { lang } = globalOptions(command);
      const { runCatalogImport } = await import('../../catalog/commands/import-command.js');
      process.stdout.write(await runCatalogImport(workbook, flags, lang));
    });

  catalog
    .command('list')
    .description('liste les catalogues de rem-catalogs/ (et ceux fournis avec segur)')
    .action(async (_flags: unknown, command: Command) => {
      const { lang } = globalOptions(command);
      const { runCatalogList } = await import('../../catalog/commands/list-command.js');
      process.stdout.write(await runCatalogList(lang));
    });

  catalog
    .command('show')
    .description('affiche un catalogue (identifiant, fichier .yaml/.json ou classeur .xlsx)')
    .argument('<catalogue>', 'identifiant dans rem-catalogs/, fichier catalogue ou classeur REM')
    .option('--profile <profil>', 'ne garde que les exigences de ce profil (répétable)', collect)
    .option('--format <format>', 'tty (texte, défaut) ou json (le modèle du catalogue)')
    .action(async (ref: string, flags: { profile?: string[]; format?: string }, command: Command) => {
      const { lang, revealIdentifiers } = globalOptions(command);
      const { runCatalogShow } = await import('../../catalog/commands/show-command.js');
      process.stdout.write(await runCatalogShow(ref, flags, lang, { revealIdentifiers }));
    });

  catalog
    .command('diff')
    .description('ce qui a changé entre deux versions d’un REM, et ce que cela change pour un dossier de preuves (--bundle)')
    .argument('<ancien>', 'ancien REM : identifiant dans rem-catalogs/, fichier catalogue ou classeur .xlsx')
    .argument('<nouveau>', 'nouveau REM, de même')
    .option('--bundle <dossier>', 'dossier de preuves (sur l’ancien REM) : dit, preuve par preuve, ce que deviennent ses fichiers (rien n’y est écrit)')
    .option('--profile <profil>', 'profil du dossier à la place de celui du manifeste (répétable ; avec --bundle)', collect)
    .option('--format <format[:fichier]>', 'tty (défaut), json, markdown ou xlsx:FICHIER (répétable ; un seul sur la sortie standard)', collect)
    .action(async (oldRef: string, newRef: string, flags: { bundle?: string; profile?: string[]; format?: string[] }, command: Command) => {
      const { lang, color, revealIdentifiers } = globalOptions(command);
      const { runCatalogDiff } = await import('../../catalog/commands/diff-command.js');
      await runCatalogDiff(oldRef, newRef, flags, { lang, color, revealIdentifiers });
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
