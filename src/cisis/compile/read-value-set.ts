// Reads a CI-SIS value set (JDV, an IHE SVS `RetrieveValueSetResponse`) into its concepts. Only
// `Concept` elements of the SVS namespace count: the schematrons look up `svs:Concept`.
import { readTreeFile } from './read-tree-file.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

export const SVS_NS = 'urn:ihe:iti:svs:2008';

export type ValueSetRead = { ok: true; concepts: [string, string, string][] } | { ok: false; detail: string };

/** `root`: TestContenuCDA tree; `file`: relative path of the JDV. */
export function readValueSet(root: string, file: string): ValueSetRead {
  const read = readTreeFile(root, file);
  if (!read.ok) return { ok: false, detail: read.code ?? read.detail };
  const text = read.text;
  const outcome = parseXmlTree(text, file);
  if (outcome.status === 'error') return { ok: false, detail: `ligne ${outcome.line} : ${outcome.detail}` };
  const concepts: [string, string, string][] = [];
  collect(outcome.root, concepts);
  return { ok: true, concepts };
}

function collect(element: XmlElement, into: [string, string, string][]): void {
  if (element.name === 'Concept' && element.uri === SVS_NS) {
    into.push([element.attrs.code ?? '', element.attrs.codeSystem ?? '', element.attrs.displayName ?? '']);
  }
  for (const child of element.children) if (typeof child !== 'string') collect(child, into);
}
