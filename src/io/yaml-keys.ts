// Keys in segur's YAML files (segur.yaml, .segurrc.yaml, catalogs, column maps) are text or numbers.
// YAML also allows a list or a mapping as a key (`? [a, b]`, `{[a]: 1}`, YAML 1.2 §6.9.1 complex
// keys); a JavaScript object cannot hold one: the yaml library would stringify it and make Node print
// an English warning on stderr. Such a key is refused where it is written, before the document is
// turned into data.
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { SegurError } from '../errors.js';

/** Offset of the first key (document order) that is a list or a mapping, or an alias to one; no recursion. */
export function firstComplexKey(document: Document): number | undefined {
  const pending: unknown[] = [document.contents];
  let found: number | undefined;
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? pair.key.resolve(document) : pair.key;
        if (isMap(key) || isSeq(key)) {
          const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          if (found === undefined || offset < found) found = offset;
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item); // no spread: a list may hold 150,000 items
    }
  }
  return found;
}

/**
 * Throws SegurError io/yaml-complex-key {file, line, column} (1-based, the key's first character)
 * when `document` has a list or mapping as a key.
 */
export function refuseComplexKeys(document: Document, lines: LineCounter, file: string): void {
  const offset = firstComplexKey(document);
  if (offset === undefined) return;
  const { line, col } = lines.linePos(offset);
  throw new SegurError('io/yaml-complex-key', { file, line, column: col });
}

/**
 * The first key written twice in one mapping, or named in `reserved`, with its offset. A set per
 * mapping, no recursion: the yaml library's own check (`uniqueKeys`) compares every key with every
 * other — 90,000 keys in one mapping took 82 s.
 */
export function firstDuplicateKey(document: Document, reserved: ReadonlySet<string> = new Set()): { key: string; offset: number } | undefined {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key) || reserved.has(key)) return { key, offset: (pair.key as Node | null)?.range?.[0] ?? 0 };
        seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item); // no spread: a list may hold 100,000 items
    }
  }
  return undefined;
}
