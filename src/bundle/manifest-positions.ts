// Where a value of the manifest was written (line, column), so that every message about the
// manifest can send the editor to the exact spot.
import { LineCounter, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PlainNode } from '../io/yaml-plain.js';

export interface Position {
  line: number;
  column: number;
}

export type ManifestPath = readonly (string | number)[];

export interface ManifestPositions {
  /** Position of the value at `path`, or of the deepest ancestor that exists. */
  valueAt(path: ManifestPath): Position | undefined;
  /** Position of the key naming the value at `path` (the value's own position for list items). */
  keyAt(path: ManifestPath): Position | undefined;
}

export function manifestPositions(document: Document, lineCounter: LineCounter): ManifestPositions {
  const positionOf = (node: Node | null | undefined): Position | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // Each mapping's keys are indexed once, on first use: lookups stay linear in the manifest's size
  // (20,000 requirements would otherwise cost a scan per key).
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const text = keyText(item.key);
        if (!index.has(text)) index.set(text, item as Pair);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };

  // Walks as far along `path` as the document goes; returns the last key and value nodes met.
  const walk = (path: ManifestPath): { key?: Node; value?: Node } => {
    let value = document.contents as Node | null;
    let key: Node | undefined;
    for (const segment of path) {
      if (isMap(value)) {
        const pair = pairOf(value, String(segment));
        if (!pair) break;
        key = pair.key as Node;
        value = (pair.value as Node | null) ?? null;
        if (!value) return { key };
      } else if (isSeq(value) && typeof segment === 'number') {
        const item = value.items[segment] as Node | undefined;
        if (!item) break;
        key = item;
        value = item;
      } else {
        break;
      }
    }
    return { key, value: value ?? undefined };
  };

  return {
    valueAt: (path) => {
      const { key, value } = walk(path);
      return positionOf(value) ?? positionOf(key);
    },
    keyAt: (path) => {
      const { key, value } = walk(path);
      return positionOf(key) ?? positionOf(value);
    },
  };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * The same answers for a manifest read by the plain-YAML fast path (io/yaml-plain.ts): its nodes
 * carry the yaml library's offsets, except where the two libraries place a node differently (a block
 * scalar, an empty value): there `composed()` — the yaml library's reading, made once, on first
 * need — answers.
 */
export function plainManifestPositions(root: PlainNode, text: string, composed: () => ManifestPositions): ManifestPositions {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  const positionAt = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  let library: ManifestPositions | undefined;
  const composedOnce = () => (library ??= composed());

  const walk = (path: ManifestPath): { key?: { offset: number }; value: PlainNode } => {
    let value: PlainNode = root;
    let key: { offset: number } | undefined;
    for (const segment of path) {
      if (value.entries) {
        const entry = value.entries.get(String(segment));
        if (!entry) break;
        key = { offset: entry.keyOffset };
        value = entry.value;
      } else if (value.items && typeof segment === 'number') {
        const item = value.items[segment];
        if (!item) break;
        key = item;
        value = item;
      } else {
        break;
      }
    }
    return { key, value };
  };

  // The walk always ends on a node (the root at least): a value is always found, a key when the path
  // names one. A node the fast path cannot place is asked of the yaml library, for the whole path.
  return {
    valueAt: (path) => {
      const { value } = walk(path);
      return value.offset >= 0 ? positionAt(value.offset) : composedOnce().valueAt(path);
    },
    keyAt: (path) => {
      const { key, value } = walk(path);
      const node = key ?? value;
      return node.offset >= 0 ? positionAt(node.offset) : composedOnce().keyAt(path);
    },
  };
}
