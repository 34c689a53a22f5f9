// Where a value of the manifest was written (line, column), so that every message about the
// manifest can send the editor to the exact spot.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

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
