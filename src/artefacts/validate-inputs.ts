// What `segur validate` receives on its command line, as the list of files to validate:
// - a file: itself (the safe open refuses FIFOs, devices and the like later, exit 2);
// - a folder: every file under it, in code-point order, hidden and system files left out by the same
//   rule as proof folders (bundle/junk-files.ts), symlinked folders not followed (no cycles);
// - a pattern (`"export/*.xml"`, `"**/*.xml"`): expanded by segur itself, so that it works the same
//   in PowerShell, cmd.exe and POSIX shells; a pattern matching nothing is exit 2, not a silent pass.
// A path that exists is always taken literally, even when it looks like a pattern (`[1].xml`).
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SegurError } from '../errors.js';
import { isJunkFileName } from '../bundle/junk-files.js';
import { appendAll } from '../util/append.js';

/** Folders nest a few levels in an export; deeper is a loop or not an export. */
const MAX_DEPTH = 32;

export async function expandValidateInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) appendAll(files, await filesUnder(arg)); // a folder may hold 100,000s of files: no spread
    else if (info || !(await isPattern(arg))) files.push(arg);
    else appendAll(files, await expandPattern(arg));
  }
  return [...new Set(files)];
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new SegurError('validate/folder-unreadable', { dir: folder, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, { cause: error });
    }
    for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
      if (isJunkFileName(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        // Deeper is refused, not skipped: a file left out would let the run say « réussie » unseen.
        if (depth >= MAX_DEPTH) throw new SegurError('validate/folder-too-deep', { dir: path, max: MAX_DEPTH });
        await walk(path, depth + 1);
      } else if (!entry.isSymbolicLink() || !(await stat(path).catch(() => undefined))?.isDirectory()) {
        found.push(path);
      }
    }
  };
  await walk(dir, 0);
  return found;
}

async function isPattern(arg: string): Promise<boolean> {
  const { isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(toPattern(arg));
}

async function expandPattern(arg: string): Promise<string[]> {
  const { glob, isDynamicPattern } = await import('tinyglobby');
  const { base, rest } = splitLiteralBase(toPattern(arg), isDynamicPattern);
  // The literal part is a path the user typed: its symlinks are followed (`../shared` is often one),
  // by starting the expansion from its real path. The glob part is walked without following links.
  const root = base === '' ? '.' : await realpath(base).catch(() => undefined);
  const matches = root === undefined ? [] : await glob(rest, { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
  const files = matches
    .filter((path) => !isJunkFileName(basename(path)))
    .map((path) => (base === '' ? path : base.endsWith('/') ? base + path : `${base}/${path}`))
    .sort(byCodePoint);
  if (files.length === 0) throw new SegurError('validate/no-match', { pattern: arg });
  return files;
}

/**
 * `../shared/corpus/*.xml` → base `../shared/corpus`, rest `*.xml`: the leading segments without glob
 * syntax (nor a backslash escape), the last segment always left to the glob. `/x/*.xml` keeps its
 * root (`/x`, or `/` for `/*.xml`); leading `./` segments are dropped, as the expansion always did.
 */
export function splitLiteralBase(pattern: string, isDynamic: (segment: string) => boolean): { base: string; rest: string } {
  const segments = pattern.split('/');
  let literal = 0;
  while (literal < segments.length - 1 && !isDynamic(segments[literal]!) && !segments[literal]!.includes('\\')) literal++;
  const leading = segments.slice(0, literal);
  while (leading[0] === '.') leading.shift();
  const base = leading.length === 0 ? '' : leading.join('/') || '/';
  return { base, rest: segments.slice(literal).join('/') };
}

/** Windows users write `export\*.xml`: glob patterns want `/` (a backslash there would escape). */
function toPattern(arg: string): string {
  return process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
