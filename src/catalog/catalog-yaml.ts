// Catalog → YAML text. The writer is deterministic (key order of the model, no line folding, accents
// as themselves) so that importing the same workbook twice gives byte-identical files.
import { stringify } from 'yaml';
import type { Catalog } from './schema.js';

export function catalogToYaml(catalog: Catalog): string {
  const header = `# Catalogue REM importé par segur depuis ${oneLine(catalog.source.file)} (feuille « ${oneLine(catalog.source.sheet)} »).\n# Régénérez-le avec « segur catalog import » plutôt que de le modifier à la main.\n`;
  return header + stringify(catalog, { lineWidth: 0, minContentWidth: 0, indent: 2, aliasDuplicateObjects: false });
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
