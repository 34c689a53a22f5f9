// Catalog files (.yaml/.json) and --columns maps: read through the safe open (regular file only,
// non-blocking — a FIFO or /dev/zero is refused at once —, size cap) and decoded strictly (BOM
// honoured, an invalid byte is exit 2 naming the line and column), then parsed.
//
// Plain YAML (what `segur catalog import` writes) is read by the fast path (io/yaml-plain.ts);
// anything else by the yaml library, as before, up to MAX_LIBRARY_CHARS. The library composes nodes recursively and costs
// ≈3 µs and 1 KB per entry: entries are counted on its tokens as they are read (io/yaml-tokens.ts)
// and the nesting measured (io/yaml-depth.ts) before a document is composed.
import { Composer, LineCounter } from 'yaml';
import { firstTooDeep } from '../io/yaml-depth.js';
import { MAX_LIBRARY_CHARS, isPlain, linePosition, readPlainYaml } from '../io/yaml-plain.js';
import { tokeniseYaml } from '../io/yaml-tokens.js';
import { firstDuplicateKey, refuseComplexKeys } from '../io/yaml-keys.js';
import { SegurError } from '../errors.js';
import { readRunTextInput } from '../io/safe-open.js';
import { yamlErrorArgs } from '../io/yaml-error.js';

/** A catalog or a column map nests a few levels (catalog → requirements → scenarios → proofs). */
export const MAX_NESTING = 64;
/**
 * Keys and list items of a catalog or a column map. The catalog of a 2,000-row REM (500
 * requirements, 2,000 scenarios) has ≈30,000: five times that is not a catalog. Uncounted, the yaml
 * library alone took seconds and gigabytes (a 4 MB flow list of two million items: 12.6 s, 2.3 GB).
 */
export const MAX_ENTRIES = 150_000;

/**
 * Reads and parses a YAML (or JSON) file of at most `maxBytes`. Throws SegurError: io/input-* (open,
 * size, bytes), catalog/yaml-too-many-entries {file, line, max}, catalog/yaml-large-not-plain {file, line, max}, catalog/yaml-too-deep, catalog/yaml-multiple-documents, io/yaml-complex-key, and `syntaxCode` with {file, line, detail} on a syntax error.
 */
export async function readYamlFile(file: string, syntaxCode: string, maxBytes: number): Promise<unknown> {
  return parseYamlText(await readRunTextInput(file, maxBytes), file, syntaxCode);
}

export function parseYamlText(text: string, file: string, syntaxCode: string): unknown {
  const plain = readPlainYaml(text, { maxDepth: MAX_NESTING, maxEntries: MAX_ENTRIES });
  if (isPlain(plain)) return plain.data;
  const { line } = linePosition(text, plain.notPlainAt ?? 0);
  if (plain.tooManyEntries) throw new SegurError('catalog/yaml-too-many-entries', { file, line, max: MAX_ENTRIES });
  if (plain.tooDeep && text.length > MAX_LIBRARY_CHARS) throw new SegurError('catalog/yaml-too-deep', { file, line, max: MAX_NESTING });
  if (text.length > MAX_LIBRARY_CHARS) throw new SegurError('catalog/yaml-large-not-plain', { file, line, max: MAX_LIBRARY_CHARS });
  const lines = new LineCounter();
  const tokenised = tokeniseYaml(text, lines.addNewLine, MAX_ENTRIES);
  if (!tokenised.ok) throw new SegurError('catalog/yaml-too-many-entries', { file, line: lines.linePos(tokenised.offset).line, max: MAX_ENTRIES });
  const { tokens } = tokenised;
  const tooDeep = firstTooDeep(tokens, MAX_NESTING);
  if (tooDeep !== undefined) throw new SegurError('catalog/yaml-too-deep', { file, line: lines.linePos(tooDeep).line, max: MAX_NESTING });
  // Duplicate keys are found below with a set per mapping: the library's own check is quadratic.
  const documents = Array.from(new Composer({ uniqueKeys: false }).compose(tokens, true, text.length));
  const [document] = documents;
  if (!document) return null;
  if (documents.length > 1) throw new SegurError('catalog/yaml-multiple-documents', { file, line: lines.linePos(documents[1]!.range[0]).line });
  const error = document.errors[0];
  if (error) throw new SegurError(syntaxCode, { file, line: lines.linePos(error.pos[0]).line, ...yamlErrorArgs(error, { text, offset: error.pos[0] }) }, { cause: error });
  refuseComplexKeys(document, lines, file);
  const duplicate = firstDuplicateKey(document);
  if (duplicate) throw new SegurError(syntaxCode, { file, line: lines.linePos(duplicate.offset).line, detail: 'Map keys must be unique', detailCode: 'yaml/duplicate-key' });
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (aliasError) {
    throw new SegurError(syntaxCode, { file, line: 1, ...yamlErrorArgs(aliasError) }, { cause: aliasError });
  }
}
