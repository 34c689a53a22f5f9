// A folder or pattern given to `segur validate` may hold hundreds of thousands of files (a CDA
// export): the list is appended item by item. Spread as arguments, 200,000 names threw « Maximum call
// stack size exceeded » (« Erreur interne ») before any file was read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { expandValidateInputs } from '../../src/artefacts/validate-inputs.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

const FILES = 200_000;
let dir: string;

beforeAll(() => {
  dir = tempDir('segur-validate-many-');
  mkdirSync(join(dir, 'export'));
  for (let index = 0; index < FILES; index++) closeSync(openSync(join(dir, 'export', `d${index}.xml`), 'w'));
}, 120_000);
afterAll(() => removeDir(dir));

describe('validate inputs of any length', () => {
  it.each([
    ['a folder', () => join(dir, 'export')],
    ['a pattern', () => join(dir, 'export', '*.xml')],
  ])('%s of 200,000 files expands to every file', async (_name, arg) => {
    const files = await expandValidateInputs([arg()]);
    expect(files).toHaveLength(FILES);
    expect(files[0]).toBe(join(dir, 'export', 'd0.xml'));
  }, 120_000);
});
