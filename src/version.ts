import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeRunInput } from './io/safe-open.js';

let cachedVersion: string | undefined;
let cachedBuild: string | undefined;

/** The package version, read once from package.json (dist/version.js and src/version.ts sit one level below it). */
export function toolVersion(): string {
  if (cachedVersion === undefined) {
    const url = new URL('../package.json', import.meta.url);
    cachedVersion = (JSON.parse(decodeRunInput(readFileSync(url), url.pathname)) as { version: string }).version;
  }
  return cachedVersion;
}

/**
 * The version and a SHA-256 (hex, 16 digits) of segur's own code as it runs (every .js/.ts file of
 * dist/, or of src/ under the tests), read once: what cached results (batch --resume, compiled CI-SIS
 * packs) depend on. The version alone would let two builds of one version — a working copy, CI —
 * reuse each other's results computed by other code.
 */
export function toolBuild(): string {
  if (cachedBuild === undefined) {
    cachedBuild = `${toolVersion()}+${codeDigest(dirname(fileURLToPath(import.meta.url)))}`;
  }
  return cachedBuild;
}

/** SHA-256 (hex, first 16 digits) over the names and bytes of the .js/.ts files under `root`, in name order. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const file of codeFiles(root, '')) hash.update(`${file}\u0000`).update(readFileSync(join(root, file))).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

function codeFiles(root: string, relative: string): string[] {
  const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) return codeFiles(root, path);
    return entry.isFile() && /\.(js|ts)$/.test(entry.name) ? [path] : [];
  });
}
