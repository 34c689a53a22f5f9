import { readFileSync } from 'node:fs';
import { decodeRunInput } from './io/safe-open.js';

let cached: string | undefined;

/** The package version, read once from package.json (dist/version.js and src/version.ts sit one level below it). */
export function toolVersion(): string {
  if (cached === undefined) {
    const url = new URL('../package.json', import.meta.url);
    cached = (JSON.parse(decodeRunInput(readFileSync(url), url.pathname)) as { version: string }).version;
  }
  return cached;
}
