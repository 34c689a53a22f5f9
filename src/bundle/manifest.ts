// Reads `segur.yaml` with positions kept: every problem that makes the manifest unusable is a
// SegurError (exit 2) naming the file, line, column and field.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { SegurError, describeIoError } from '../errors.js';
import { manifestIssueError } from './manifest-issues.js';
import { manifestPositions, type ManifestPositions } from './manifest-positions.js';
import { MANIFEST_FILE, ManifestSchema, type Manifest } from './manifest-schema.js';

/** A manifest is a few hundred KB at most; anything far larger is not one. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

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
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other (quadratic: a hostile
  // manifest of many keys would hang the run); ours uses a set per mapping.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    throw new SegurError('manifest/yaml-syntax', { file: displayPath, line, column: col, detail: syntaxError.message });
  }
  const duplicate = firstDuplicateKey(document);
  if (duplicate) {
    const { line, col } = lineCounter.linePos(duplicate.offset);
    throw new SegurError('manifest/duplicate-key', { file: displayPath, line, column: col, key: duplicate.key });
  }
  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they expand.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new SegurError('manifest/yaml-syntax', {
      file: displayPath,
      line: 1,
      column: 1,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SegurError('manifest/not-a-mapping', { file: displayPath });
  }
  const positions = manifestPositions(document, lineCounter);
  const parsed = ManifestSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw manifestIssueError(parsed.error.issues, ManifestSchema, displayPath, positions);
  return { manifest: parsed.data, positions, displayPath };
}

function firstDuplicateKey(document: Document): { key: string; offset: number } | undefined {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) return { key, offset: (pair.key as Node | null)?.range?.[0] ?? 0 };
        seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return undefined;
}

async function readManifestText(bundleDir: string, displayPath: string): Promise<string> {
  const file = join(bundleDir, MANIFEST_FILE);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new SegurError('manifest/not-found', { file: displayPath, dir: bundleDir });
    if (info.size > MAX_MANIFEST_BYTES) {
      throw new SegurError('manifest/too-large', { file: displayPath, size: info.size, max: MAX_MANIFEST_BYTES });
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof SegurError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new SegurError('manifest/not-found', { file: displayPath, dir: bundleDir }, { cause: error });
    }
    throw new SegurError('manifest/unreadable', { file: displayPath, reason: describeIoError(error) }, { cause: error });
  }
}
