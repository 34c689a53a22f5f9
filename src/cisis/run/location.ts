// The location an SVRL report gives a failed assert (ISO skeleton, "full path" mode as the ANS
// chain runs it): each ancestor-or-self element as `/` + its name as written (prefix included),
// followed by `[n]` when an earlier sibling has the same name. The document node (a rule on `/`)
// is located at its document element, as the official reports show (`/ClinicalDocument`).
import type { Node } from 'slimdom';

export function svrlLocation(node: Node): string {
  if (node.nodeType === 9) {
    const root = (node as unknown as { documentElement: Node | null }).documentElement;
    return root ? svrlLocation(root) : '/';
  }
  const steps: string[] = [];
  for (let current: Node | null = node; current && current.nodeType === 1; current = current.parentNode) {
    const name = current.nodeName;
    let position = 1;
    for (let sibling = current.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 1 && sibling.nodeName === name) position++;
    }
    steps.push(position > 1 ? `${name}[${position}]` : name);
  }
  return '/' + steps.reverse().join('/');
}
