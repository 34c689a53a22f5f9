// The small element tree the artefact rules read: only the part of a document they need
// (a CDA header, an INSi response), built by the safe streaming reader (read-xml.ts).

export interface XmlNode {
  /**
   * Local name (prefix removed) when the element is in the reader's home namespace (or the reader
   * has none); `{namespace-uri}local` otherwise (xml/read-xml.ts).
   */
  name: string;
  /** Namespace URI ('' for none). */
  namespace: string;
  /** Attributes by qualified name as written (`root`, `xsi:type`). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element, whitespace-trimmed, capped (see read-xml.ts). */
  text: string;
  /** 1-based line of the start tag's end. */
  line: number;
  /** 0-based column (saxes) of the start tag's end. */
  column: number;
  parent?: XmlNode;
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node) return [];
  return node.children.filter((child) => child.name === name);
}

export function firstChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((child) => child.name === name);
}

/** Follows a `/`-separated chain of first children: `descend(doc, 'recordTarget/patientRole')`. */
export function descend(node: XmlNode | undefined, chain: string): XmlNode | undefined {
  let current = node;
  for (const name of chain.split('/')) {
    current = firstChild(current, name);
    if (!current) return undefined;
  }
  return current;
}

/** All nodes reached by a `/`-separated chain, every child at each step. */
export function descendAll(node: XmlNode | undefined, chain: string): XmlNode[] {
  let level: XmlNode[] = node ? [node] : [];
  for (const name of chain.split('/')) level = level.flatMap((current) => childrenNamed(current, name));
  return level;
}

/** Every descendant (depth first, document order) whose name is `name`. */
export function descendantsNamed(node: XmlNode, name: string, into: XmlNode[] = []): XmlNode[] {
  for (const child of node.children) {
    if (child.name === name) into.push(child);
    descendantsNamed(child, name, into);
  }
  return into;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attrs[name];
}

/**
 * XPath-like location: `/ClinicalDocument/recordTarget/patientRole/id[2]`. A position is shown
 * when the element has siblings of the same name, so every path names exactly one node. Elements
 * outside the reader's namespace (a SOAP envelope around an INSi answer) are shown by local name.
 */
export function pathOf(node: XmlNode): string {
  const steps: string[] = [];
  for (let current: XmlNode | undefined = node; current; current = current.parent) {
    const parent = current.parent;
    let step = displayName(current.name);
    if (parent) {
      const same = parent.children.filter((child) => child.name === current!.name);
      if (same.length > 1) step += `[${same.indexOf(current) + 1}]`;
    }
    steps.push(step);
  }
  return '/' + steps.reverse().join('/');
}

/** `{urn:…}SubmitObjectsRequest` → `SubmitObjectsRequest`: locations read like the documents' own XPath. */
export function displayName(name: string): string {
  return name.startsWith('{') ? name.slice(name.indexOf('}') + 1) : name;
}
