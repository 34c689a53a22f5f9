// `segur catalog import | list | show | diff`. Flags only: the work is in src/catalog/commands/, loaded lazily.
import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';
import { globalOptions } from '../context.js';

export function registerCatalogCommands(program: Command, _exit: ExitCodeHolder, value: (name: string) => string): void {
  const catalog = program.command('catalog');

  catalog
    .command('import')
    .argument(`<${value('workbook')}>`)
    .option(`-o, --out <${value('file')}>`, '')
    .option(`--sheet <${value('sheet')}>`, '')
    .option(`--columns <${value('columns-file')}>`, '')
    .option('--explain', '')
    .option(`--max-uncompressed-mb <${value('mb')}>`, '')
    .option('--force', '')
    .action(async (workbook: string, flags: Record<string, unknown>, command: Command) => {
      const { lang } = globalOptions(command);
      const { runCatalogImport } = await import('../../catalog/commands/import-command.js');
      process.stdout.write(await runCatalogImport(workbook, flags, lang));
    });

  catalog.command('list').action(async (_flags: unknown, command: Command) => {
    const { lang } = globalOptions(command);
    const { runCatalogList } = await import('../../catalog/commands/list-command.js');
    process.stdout.write(await runCatalogList(lang));
  });

  catalog
    .command('show')
    .argument(`<${value('catalog')}>`)
    .option(`--profile <${value('profile')}>`, '', collect)
    .option(`--format <${value('format')}>`, '')
    .action(async (ref: string, flags: { profile?: string[]; format?: string }, command: Command) => {
      const { lang, revealIdentifiers } = globalOptions(command);
      const { runCatalogShow } = await import('../../catalog/commands/show-command.js');
      process.stdout.write(await runCatalogShow(ref, flags, lang, { revealIdentifiers }));
    });

  catalog
    .command('diff')
    .argument(`<${value('old')}>`)
    .argument(`<${value('new')}>`)
    .option(`--bundle <${value('folder')}>`, '')
    .option(`--profile <${value('profile')}>`, '', collect)
    .option(`--format <${value('format-spec')}>`, '', collect)
    .action(async (oldRef: string, newRef: string, flags: { bundle?: string; profile?: string[]; format?: string[] }, command: Command) => {
      const { lang, color, revealIdentifiers } = globalOptions(command);
      const { runCatalogDiff } = await import('../../catalog/commands/diff-command.js');
      await runCatalogDiff(oldRef, newRef, flags, { lang, color, revealIdentifiers });
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
