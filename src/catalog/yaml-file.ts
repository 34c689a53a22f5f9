// Catalog files (.yaml/.json) and --columns maps: read through the safe open (regular file only,
// non-blocking — a FIFO or /dev/zero is refused at once —, size cap) and decoded strictly (BOM
// honoured, an invalid byte is exit 2 naming the line and column), then parsed by the yaml library.
//
// The library composes nodes recursively: the nesting is measured on its tokens first
// (io/yaml-depth.ts), and only a document within MAX_NESTING is composed.
import { Composer, LineCounter, Parser } from 'yaml';
import { firstTooDeep } from '../io/yaml-depth.js';
import { refuseComplexKeys } from '../io/yaml-keys.js';
import { SegurError } from '../errors.js';
import { readRunTextInput } from '../io/safe-open.js';
import { yamlErrorArgs } from '../io/yaml-error.js';

/** A catalog or a column map nests a few levels (catalog → requirements → scenarios → proofs). */
export const MAX_NESTING = 64;

/**
 * Reads and parses a YAML (or JSON) file of at most `maxBytes`. Throws SegurError: io/input-* (open,
 * size, bytes), catalog/yaml-too-deep, catalog/yaml-multiple-documents, io/yaml-complex-key, and `syntaxCode` with {file, line, detail} on a syntax error.
 */
export async function readYamlFile(file: string, syntaxCode: string, maxBytes: number): Promise<unknown> {
  return parseYamlText(await readRunTextInput(file, maxBytes), file, syntaxCode);
}

export function parseYamlText(text: string, file: string, syntaxCode: string): unknown {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const tooDeep = firstTooDeep(tokens, MAX_NESTING);
  if (tooDeep !== undefined) throw new SegurError('catalog/yaml-too-deep', { file, line: lines.linePos(tooDeep).line, max: MAX_NESTING });
  const documents = Array.from(new Composer({}).compose(tokens, true, text.length));
  const [document] = documents;
  if (!document) return null;
  if (documents.length > 1) throw new SegurError('catalog/yaml-multiple-documents', { file, line: lines.linePos(documents[1]!.range[0]).line });
  const error = document.errors[0];
  if (error) throw new SegurError(syntaxCode, { file, line: lines.linePos(error.pos[0]).line, ...yamlErrorArgs(error) }, { cause: error });
  refuseComplexKeys(document, lines, file);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (aliasError) {
    throw new SegurError(syntaxCode, { file, line: 1, ...yamlErrorArgs(aliasError) }, { cause: aliasError });
  }
}
