// The header facts volet selection needs, from the CDA header the native rules already read
// (artefacts/cda/read-cda.ts): no second parse to decide whether a volet applies.
import type { CdaDocument } from '../../artefacts/cda/document.js';
import { attr, childrenNamed, firstChild } from '../../artefacts/xml/node.js';
import type { HeaderFacts } from './select-volet.js';

export function headerFacts(document: CdaDocument): HeaderFacts {
  const templateIds = childrenNamed(document.root, 'templateId').flatMap((node) => {
    const root = attr(node, 'root');
    if (root === undefined) return [];
    const extension = attr(node, 'extension');
    return [extension === undefined ? { root } : { root, extension }];
  });
  const code = attr(firstChild(document.root, 'code'), 'code');
  const level = document.body.kind === 'structured' ? 3 : document.body.kind === 'non-xml' ? 1 : undefined;
  return { templateIds, ...(code !== undefined ? { code } : {}), ...(level !== undefined ? { level } : {}) };
}
