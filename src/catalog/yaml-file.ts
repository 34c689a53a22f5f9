// Catalog files and `--columns` maps: read through the one safe open (a FIFO or a device is refused
// at once, size capped) and decoded strictly (io/decode.ts), then parsed as YAML (JSON included).
import { parse } from 'yaml';
import { SegurError } from '../errors.js';
import { readRunTextInput } from '../io/safe-open.js';

/** A catalog of a few thousand requirements is a few MB; far larger is not a catalog. */
const MAX_YAML_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads and parses a YAML (or JSON) file; a syntax error becomes `syntaxCode` with {file, line, detail}. */
export async function readYamlFile(file: string, syntaxCode: string): Promise<unknown> {
  const text = await readRunTextInput(file, MAX_YAML_INPUT_BYTES);
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new SegurError(syntaxCode, { file, line: line ?? '?', detail: (error as Error).message.split('\n')[0] }, { cause: error });
  }
}
