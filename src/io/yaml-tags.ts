// YAML tags in segur's own settings files (segur.yaml, .segurrc.yaml). These files are plain data:
// text, numbers, booleans, lists and mappings. A tag that turns a value into something else
// (`!!binary` decoded to bytes, `!!timestamp` to a date, `!!set`, `!!omap`) or that the parser cannot
// resolve at all (a local `!custom`, silently read as text) would otherwise surface as a confusing
// "wrong value" message — or not at all. They are refused where they are written (YAML 1.2 §6.9.1
// for tag forms; the core schema's tags, §10.3, stay allowed).
import { isMap, isNode, isSeq, type Document, type Node } from 'yaml';

const CORE = 'tag:yaml.org,2002:';
/** Tags whose value is a plain one (YAML 1.2 core schema), and `!` (the non-specific tag: text). */
const PLAIN_TAGS: ReadonlySet<string> = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => CORE + name)]);

export interface ForeignTag {
  /** As a user would write it: `!!binary`, `!custom`, `!<tag:example.com,2000:x>`. */
  tag: string;
  /** Character offset of the tagged node. */
  offset: number;
  /** Keys and indexes leading to the tagged value (its mapping's path for a tagged key). */
  path: (string | number)[];
}

/** The first node (document order) with an explicit tag outside the core schema; no recursion. */
export function firstForeignTag(document: Document, text: string): ForeignTag | undefined {
  const pending: [unknown, (string | number)[]][] = [[document.contents, []]];
  let found: ForeignTag | undefined;
  const consider = (node: unknown, path: (string | number)[]) => {
    if (!isNode(node) || node.tag === undefined || PLAIN_TAGS.has(node.tag)) return;
    const offset = tagOffset(text, (node as Node).range?.[0] ?? 0);
    if (found === undefined || offset < found.offset) found = { tag: shownTag(node.tag), offset, path };
  };
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    consider(node, path);
    if (isMap(node)) {
      for (const pair of node.items) {
        consider(pair.key, path);
        const key = isNode(pair.key) && 'value' in pair.key ? String((pair.key as { value: unknown }).value) : String(pair.key);
        pending.push([pair.value, [...path, key]]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => pending.push([item, [...path, index]]));
    }
  }
  return found;
}

function shownTag(tag: string): string {
  if (tag.startsWith(CORE)) return `!!${tag.slice(CORE.length)}`;
  return tag.startsWith('!') ? tag : `!<${tag}>`;
}

/**
 * Where the tag is written: the node's range starts at its value, after the tag (and an anchor, in
 * either order, possibly on the line before). Falls back to the value's offset.
 */
function tagOffset(text: string, valueOffset: number): number {
  let end = valueOffset;
  for (let token = 0; token < 2; token++) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const verbatim = text[end - 1] === '>' ? text.lastIndexOf('!<', end) : -1; // !<tag:a,b> holds ":" and ","
    if (verbatim >= 0) return verbatim;
    let start = end;
    while (start > 0 && !/[\s:,[{]/.test(text[start - 1]!)) start--;
    if (text[start] === '!') return start;
    if (text[start] !== '&') break;
    end = start;
  }
  return valueOffset;
}
