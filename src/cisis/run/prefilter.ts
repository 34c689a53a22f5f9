// The compiled prefilter of a rule context (pack.ts PrefilterSchema), checked on the slimdom tree
// in plain JavaScript: a candidate that fails it cannot match, and is spared an XPath evaluation.
import type { Element, Node } from 'slimdom';
import type { PackPrefilter } from '../pack.js';

export function passesPrefilter(prefilter: PackPrefilter, node: Node): boolean {
  let current: Node | null = node;
  for (const level of prefilter.levels) {
    if (!current || current.nodeType !== 1) return false;
    const element = current as Element;
    if (level.name !== null && element.localName !== level.name) return false;
    for (const fact of level.facts) {
      if (fact.child === undefined) {
        if (element.getAttributeNS(null, fact.attribute) !== fact.value) return false;
      } else if (!hasChildWith(element, fact.child, fact.attribute, fact.value)) return false;
    }
    current = element.parentNode;
  }
  return true;
}

function hasChildWith(element: Element, localName: string, attribute: string, value: string): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === localName && child.getAttributeNS(null, attribute) === value) return true;
  }
  return false;
}
