import { parse } from 'yaml';
import { SegurError } from '../errors.js';
import { readRunTextInput } from '../io/safe-open.js';
import { yamlErrorArgs } from '../io/yaml-error.js';

/** A catalog of the largest REM (≈ 300 requirements) is about 1 MB; column maps are a few lines. */
const MAX_YAML_BYTES = 32 * 1024 * 1024;

/**
 * Reads (safe open, strict decoding) and parses a YAML (or JSON) file; a syntax error becomes
 * `syntaxCode` with {file, line, detail} (`detail` in our wording, src/io/yaml-error.ts).
 */
export async function readYamlFile(file: string, syntaxCode: string): Promise<unknown> {
  const text = await readRunTextInput(file, MAX_YAML_BYTES);
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new SegurError(syntaxCode, { file, line: line ?? '?', ...yamlErrorArgs(error) }, { cause: error });
  }
}
