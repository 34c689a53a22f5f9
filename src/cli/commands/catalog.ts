import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';

export function registerCatalogCommands(program: Command, _exit: ExitCodeHolder): void {
  program.command('catalog').description('importe et consulte les catalogues d’exigences (REM)');
}
