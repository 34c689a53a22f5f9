// The facts that say which document a CDA is (id, setId, title, type code, SHA-256 of its bytes):
// what a validation report or a message header is compared with (engine/evs-match.ts, eml rules).
// Read from the header tree the CDA validator already built: no second parse.
import { createHash } from 'node:crypto';
import { definedOnly } from '../defined-only.js';
import type { CdaDocumentFacts } from '../types.js';
import { attr, firstChild, type XmlNode } from '../xml/node.js';
import { xmlTextSha256 } from './text-digest.js';

/**
 * `root`: the ClinicalDocument element; `bytes`: the document exactly as stored (the SHA-256 is
 * over them, as a validator that embeds the validated file would hash it; `textSha256` over the
 * text a parser reads from them, see text-digest.ts).
 */
export function cdaDocumentFacts(root: XmlNode, bytes: Uint8Array): CdaDocumentFacts {
  return {
    ...definedOnly({
      id: instanceId(firstChild(root, 'id')),
      setId: instanceId(firstChild(root, 'setId')),
      title: firstChild(root, 'title')?.text.trim() || undefined,
      code: attr(firstChild(root, 'code'), 'code'),
      textSha256: xmlTextSha256(bytes),
    }),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** HL7 II as XDS writes a uniqueId: `root`, or `root^extension`. */
export function instanceId(node: XmlNode | undefined): string | undefined {
  const root = attr(node, 'root');
  if (!root) return undefined;
  const extension = attr(node, 'extension');
  return extension ? `${root}^${extension}` : root;
}
