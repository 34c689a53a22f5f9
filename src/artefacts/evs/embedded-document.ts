// The document a Gazelle EVS report carries as base64 (`validationItem/@content`, or a `content`
// child, as the Gazelle validation API writes the validated input): hashed as given to the
// validator, and read as a CDA header when it is one, so that the engine can tell which document
// the report is about (engine/evs-match.ts).
import { readCda } from '../cda/read-cda.js';
import { cdaDocumentFacts } from '../cda/document-facts.js';
import type { CdaDocumentFacts } from '../types.js';
import { attr, descendantsNamed, firstChild, type XmlNode } from '../xml/node.js';
import { createHash } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The first validation item holding content (the request's, when items say their role): its SHA-256,
 * plus id, setId and title when the bytes are a CDA. Undefined when no item carries base64 content
 * (text that is not base64 is left alone rather than hashed into a false mismatch).
 */
export function embeddedDocument(root: XmlNode): Omit<CdaDocumentFacts, 'location'> | undefined {
  const items = descendantsNamed(root, 'validationItem');
  const ordered = [...items.filter((item) => attr(item, 'role') === 'request'), ...items.filter((item) => attr(item, 'role') !== 'request')];
  for (const item of ordered) {
    const content = (attr(item, 'content') ?? firstChild(item, 'content')?.text ?? '').replace(/\s+/g, '');
    if (content === '' || !BASE64.test(content)) continue;
    const bytes = Buffer.from(content, 'base64');
    const outcome = readCda(bytes);
    if (outcome.status === 'cda') return cdaDocumentFacts(outcome.document.root, bytes);
    return { sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  return undefined;
}
