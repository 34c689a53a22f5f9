// The yaml library composes nodes recursively: thousands of nested `[` or `- ` exhaust the stack
// (« Maximum call stack size exceeded »). Its CST parser works with an explicit stack, so YAML inputs
// (manifests, catalogs, column maps) are tokenised first, their nesting measured here without
// recursion, and only a document within the limit is composed.
import type { CST } from 'yaml';

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Offset of the first collection nested deeper than `max`, walking the CST without recursion. */
export function firstTooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (COLLECTIONS.has(token.type) && 'items' in token) {
      if (depth + 1 > max) return token.offset;
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        stack.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
      }
    }
  }
  return undefined;
}
