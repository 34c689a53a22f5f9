// Value-set (JDV) membership at run time: each embedded value set becomes, on first use, a Set of
// keys per constrained attribute combination; a lookup is then one hash probe per candidate
// combination (the values are usually single attributes). A value set whose file is missing
// answers "member" (no false error) and is recorded, so that the runner reports the check as
// "value set unavailable" naming the JDV.
import type { PackValueSet } from '../pack.js';

const ATTRIBUTE_INDEX: Record<string, number> = { code: 0, codeSystem: 1, displayName: 2 };
const SEPARATOR = '\u001f';

export interface RunState {
  valueSets: Readonly<Record<string, PackValueSet>>;
  /** Built lazily: value-set path → attribute combination (`0,1`) → keys. */
  indexes: Map<string, Map<string, Set<string>>>;
  /** JDV files found missing, by index of the check that looked them up (-1: a rule's let). */
  unavailable: Map<number, Set<string>>;
  /** Other documents read with document()/doc(): their text, parsed on first use. */
  documents: Readonly<Record<string, { file: string; text: string }>>;
  parsed: Map<string, unknown>;
}

export function newRunState(valueSets: Readonly<Record<string, PackValueSet>>, documents: RunState['documents'] = {}): RunState {
  return { valueSets, indexes: new Map(), unavailable: new Map(), documents, parsed: new Map() };
}

/**
 * `document(path)//svs:Concept[@a1 = v1 and @a2 = v2 …]` as a boolean: `attributes` names the
 * constrained attributes in order, `values[i]` the sequence compared with the i-th (general
 * comparison: true when any value matches). Unknown path: recorded as unavailable, answers true.
 */
export function jdvLookup(state: RunState, check: number, path: string | null, attributes: readonly string[], values: readonly unknown[][]): boolean {
  const valueSet = path === null ? undefined : state.valueSets[path];
  if (!valueSet || 'missing' in valueSet) {
    let files = state.unavailable.get(check);
    if (!files) state.unavailable.set(check, (files = new Set()));
    files.add(valueSet?.file ?? path ?? '');
    return true;
  }
  const columns = attributes.map((attribute) => ATTRIBUTE_INDEX[attribute]!);
  const combination = columns.join(',');
  let byCombination = state.indexes.get(path!);
  if (!byCombination) state.indexes.set(path!, (byCombination = new Map()));
  let keys = byCombination.get(combination);
  if (!keys) {
    keys = new Set(valueSet.concepts.map((concept) => columns.map((column) => concept[column]).join(SEPARATOR)));
    byCombination.set(combination, keys);
  }
  const candidates = columns.map((_, index) => (values[index] ?? []).map(String));
  return product(candidates).some((key) => keys.has(key));
}

function product(lists: readonly string[][]): string[] {
  let keys = [''];
  lists.forEach((list, index) => {
    keys = keys.flatMap((prefix) => list.map((value) => (index === 0 ? value : prefix + SEPARATOR + value)));
  });
  return keys;
}
