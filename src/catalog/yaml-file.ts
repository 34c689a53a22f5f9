import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { SegurError, describeIoError } from '../errors.js';

/** Reads and parses a YAML (or JSON) file; a syntax error becomes `syntaxCode` with {file, line, detail}. */
export async function readYamlFile(file: string, syntaxCode: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SegurError('io/input-unreadable', { file, reason: describeIoError(error) }, { cause: error });
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new SegurError(syntaxCode, { file, line: line ?? '?', detail: (error as Error).message.split('\n')[0] }, { cause: error });
  }
}
