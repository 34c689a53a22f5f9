// Reads `segur.yaml` with positions kept: every problem that makes the manifest unusable is a
// SegurError (exit 2) naming the file, line, column and field.
import { readdir, realpath } from 'node:fs/promises';
import { decodeRunInput, inputError, openChecked, readChecked } from '../io/safe-open.js';
import { join } from 'node:path';
import { Composer, Document, LineCounter, isAlias, isMap, isSeq } from 'yaml';
import { firstTooDeep } from '../io/yaml-depth.js';
import { firstForeignTag } from '../io/yaml-tags.js';
import { firstDuplicateKey, refuseComplexKeys } from '../io/yaml-keys.js';
import { tokeniseYaml } from '../io/yaml-tokens.js';
import { MAX_LIBRARY_CHARS, isPlain, linePosition, readPlainYaml } from '../io/yaml-plain.js';
import { SegurError } from '../errors.js';
import { fieldName, manifestIssueError } from './manifest-issues.js';
import { manifestPositions, plainManifestPositions, type ManifestPositions } from './manifest-positions.js';
import { yamlErrorArgs } from '../io/yaml-error.js';
import { MANIFEST_FILE, ManifestSchema, type Manifest } from './manifest-schema.js';
import { decodeWith } from '../io/decode.js';

/**
 * A manifest is a few hundred KB at most (a REM of 200 requirements with their files ≈ 100 KB);
 * the YAML parser reads ≈ 1.5 MB/s, so 2 MiB keeps a hostile manifest's cost near a second.
 */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;
/**
 * Keys and list items in the whole manifest. A REM has a few hundred requirements and a bundle a few
 * thousand proof files (20,000 at most, collect.ts MAX_BUNDLE_FILES: listed with a path and a kind,
 * 60,000 entries); beyond this the input is not a manifest but a way to make the run slow. Counted
 * twice: on the tokens as they are read (io/yaml-tokens.ts: parsing stops at the cap, ≈ 0.5 s and
 * 150 MB at worst), then on the document with aliases expanded.
 */
export const MAX_MANIFEST_ENTRIES = 100_000;
/** Levels of nesting: a manifest has five (requirements → id → proofs → id → files → file). */
export const MAX_MANIFEST_NESTING = 32;

export interface LoadedManifest {
  manifest: Manifest;
  positions: ManifestPositions;
  /** Path shown to users (the bundle folder as given, joined with `segur.yaml`). */
  displayPath: string;
}

export async function loadManifest(bundleDir: string): Promise<LoadedManifest> {
  const displayPath = join(bundleDir, MANIFEST_FILE);
  const text = await readManifestText(bundleDir, displayPath);
  return parseManifest(text, displayPath);
}

export function parseManifest(text: string, displayPath: string): LoadedManifest {
  const { data, positions } = parseYamlDocument(text, displayPath);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SegurError('manifest/not-a-mapping', { file: displayPath });
  }
  const parsed = ManifestSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw manifestIssueError(parsed.error.issues, ManifestSchema, displayPath, positions, text);
  return { manifest: parsed.data, positions, displayPath };
}

/**
 * A YAML file segur reads for its own settings (manifest, run configuration) with the positions of
 * its values; a syntax error, an alias bomb, too many entries or a duplicate key is exit 2 naming
 * the file, line and column.
 */
export function parseYamlDocument(text: string, displayPath: string): { data: unknown; positions: ManifestPositions } {
  // `check B` reads B's manifest twice (its `segur:` settings first, then the manifest): the second
  // parse of the same text is the first one's result, not another second of YAML parsing.
  // A refusal is remembered too (for the same path: the message names it).
  if (lastParsed?.text === text) {
    if (lastParsed.outcome.ok) return lastParsed.outcome.result;
    if (lastParsed.displayPath === displayPath) throw lastParsed.outcome.error;
  }
  try {
    const result = parseYamlText(text, displayPath);
    lastParsed = { text, displayPath, outcome: { ok: true, result } };
    return result;
  } catch (error) {
    lastParsed = { text, displayPath, outcome: { ok: false, error } };
    throw error;
  }
}

/** The last text parsed and its outcome (read-only to every caller: validated, never changed). */
let lastParsed:
  | { text: string; displayPath: string; outcome: { ok: true; result: { data: unknown; positions: ManifestPositions } } | { ok: false; error: unknown } }
  | undefined;

function parseYamlText(text: string, displayPath: string): { data: unknown; positions: ManifestPositions } {
  // Plain YAML (what `segur init` writes, what editors type) is read by the fast path; the positions
  // it cannot place, and every other text, are the yaml library's.
  const plain = readPlainYaml(text, { maxDepth: MAX_MANIFEST_NESTING, maxEntries: MAX_MANIFEST_ENTRIES });
  if (isPlain(plain)) return { data: plain.data, positions: plainManifestPositions(plain.root, text, () => composedYaml(text, displayPath).positions) };
  if (plain.tooManyEntries) throw new SegurError('manifest/too-many-entries', { file: displayPath, count: MAX_MANIFEST_ENTRIES + 1, max: MAX_MANIFEST_ENTRIES });
  if (plain.tooDeep && text.length > MAX_LIBRARY_CHARS) throw new SegurError('manifest/too-deep', { file: displayPath, ...linePosition(text, plain.notPlainAt ?? 0), max: MAX_MANIFEST_NESTING });
  if (text.length > MAX_LIBRARY_CHARS) throw new SegurError('manifest/large-not-plain', { file: displayPath, ...linePosition(text, plain.notPlainAt ?? 0), max: MAX_LIBRARY_CHARS });
  return composedYaml(text, displayPath);
}

/** The yaml library's reading of a manifest: every refusal named with its line and column. */
function composedYaml(text: string, displayPath: string): { data: unknown; positions: ManifestPositions } {
  const lineCounter = new LineCounter();
  const tokenised = tokeniseYaml(text, lineCounter.addNewLine, MAX_MANIFEST_ENTRIES);
  if (!tokenised.ok) throw new SegurError('manifest/too-many-entries', { file: displayPath, count: tokenised.count, max: MAX_MANIFEST_ENTRIES });
  const { tokens } = tokenised;
  const tooDeep = firstTooDeep(tokens, MAX_MANIFEST_NESTING);
  if (tooDeep !== undefined) {
    const { line, col } = lineCounter.linePos(tooDeep);
    throw new SegurError('manifest/too-deep', { file: displayPath, line, column: col, max: MAX_MANIFEST_NESTING });
  }
  // yaml's own duplicate-key check compares every key with every other (quadratic: a hostile
  // manifest of many keys would hang the run); ours uses a set per mapping.
  const documents = Array.from(new Composer({ prettyErrors: false, uniqueKeys: false }).compose(tokens, true, text.length));
  if (documents.length > 1) {
    const { line, col } = lineCounter.linePos(documents[1]!.range[0]);
    throw new SegurError('manifest/multiple-documents', { file: displayPath, line, column: col });
  }
  const document = documents[0] ?? new Document();
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    throw new SegurError('manifest/yaml-syntax', { file: displayPath, line, column: col, ...yamlErrorArgs(syntaxError, { text, offset: syntaxError.pos[0] }) });
  }
  refuseComplexKeys(document, lineCounter, displayPath);
  const entries = countEntries(document);
  if (entries > MAX_MANIFEST_ENTRIES) throw new SegurError('manifest/too-many-entries', { file: displayPath, count: entries, max: MAX_MANIFEST_ENTRIES });
  const duplicate = firstDuplicateKey(document, RESERVED_KEYS);
  if (duplicate) {
    const { line, col } = lineCounter.linePos(duplicate.offset);
    const code = RESERVED_KEYS.has(duplicate.key) ? 'manifest/reserved-key' : 'manifest/duplicate-key';
    throw new SegurError(code, { file: displayPath, line, column: col, key: duplicate.key });
  }
  const tagged = firstForeignTag(document, text);
  if (tagged) {
    const { line, col } = lineCounter.linePos(tagged.offset);
    throw new SegurError('manifest/yaml-tag', { file: displayPath, line, column: col, tag: tagged.tag, field: fieldName(tagged.path) });
  }
  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they expand.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new SegurError('manifest/yaml-syntax', { file: displayPath, line: 1, column: 1, ...yamlErrorArgs(error) });
  }
  return { data, positions: manifestPositions(document, lineCounter) };
}

/** Keys and list items, all levels: every later step costs in proportion to this count. */
export function countEntries(document: Document): number {
  let count = 0;
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    // An alias repeats its anchor's whole content: counted again, as the loaded manifest holds it again.
    if (isAlias(node)) {
      pending.push(node.resolve(document));
      continue;
    }
    if (isMap(node) || isSeq(node)) {
      count += node.items.length;
      if (count > MAX_MANIFEST_ENTRIES) return count;
      for (const item of node.items) pending.push(isMap(node) ? (item as { value: unknown }).value : item);
    }
  }
  return count;
}

/**
 * Keys JavaScript objects cannot hold as data: `__proto__` would vanish when the manifest is loaded
 * (a requirement declared so would never be reported): refused like a duplicate.
 */
/** Keys a manifest may not use (they would vanish or change an object's prototype once loaded). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__']);


/**
 * The manifest is opened through the one safe open: a regular file (a FIFO or device is refused at
 * once), no larger than the cap, and — a link being allowed inside the bundle — lying inside the
 * bundle once opened. Decoded strictly (BOM honoured, UTF-8 otherwise).
 */
async function readManifestText(bundleDir: string, displayPath: string): Promise<string> {
  const file = join(bundleDir, MANIFEST_FILE);
  let root: string;
  try {
    root = await realpath(bundleDir);
  } catch (error) {
    throw new SegurError('manifest/not-found', { file: displayPath, dir: bundleDir }, { cause: error });
  }
  const outcome = await readChecked(file, { followSymlinks: true, insideRoot: root, maxBytes: MAX_MANIFEST_BYTES });
  if (outcome.ok) return decodeRunInput(outcome.bytes, displayPath);
  const { problem } = outcome;
  switch (problem.kind) {
    case 'not-found': {
      const other = await otherManifestName(bundleDir);
      if (other) throw new SegurError('manifest/other-name', { file: displayPath, found: join(bundleDir, other), name: other });
      throw new SegurError('manifest/not-found', { file: displayPath, dir: bundleDir });
    }
    case 'too-large':
      throw new SegurError('manifest/too-large', { file: displayPath, size: problem.size, max: MAX_MANIFEST_BYTES });
    case 'outside':
    case 'symlink':
      throw new SegurError('manifest/outside-bundle', { file: displayPath });
    default:
      throw inputError(displayPath, problem);
  }
}

/** Names users give the manifest by mistake (the README says it may hold JSON): worth a hint. */
const OTHER_MANIFEST_NAMES = /^segur\.(?:yml|json|yaml\.txt|yml\.txt|json\.txt|txt)$|^segur\.yaml$/i;

async function otherManifestName(bundleDir: string): Promise<string | undefined> {
  const names = await readdir(bundleDir).catch(() => [] as string[]);
  for (const name of names.filter((candidate) => candidate !== MANIFEST_FILE && OTHER_MANIFEST_NAMES.test(candidate)).sort()) {
    if (!(await isSegurOutput(join(bundleDir, name)))) return name;
  }
  return undefined;
}

/**
 * Whether the file starts as one of segur's own JSON outputs (`"schema": "segur-report/1"`…, not
 * `segur-bundle`): `--format json:segur.json` writes one, and renaming it segur.yaml would be bad advice.
 */
async function isSegurOutput(file: string): Promise<boolean> {
  const opened = await openChecked(file, { followSymlinks: false, maxBytes: Number.MAX_SAFE_INTEGER });
  if (!opened.ok) return false;
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await opened.handle.read(head, 0, head.length, 0);
    const text = decodeWith(head.subarray(0, bytesRead), 'iso-8859-1'); // the opening is ASCII; any byte reads
    return text.ok && /^\s*\{\s*"schema"\s*:\s*"segur-(?!bundle)[a-z-]+\/\d+"/.test(text.text);
  } finally {
    await opened.handle.close();
  }
}
