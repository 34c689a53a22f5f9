// Reads a CDA R2 document (xml/read-xml.ts) into a CdaDocument: the header is kept as a tree, the
// body is scanned to its last byte for well-formedness without being kept (a nonXMLBody's base64
// text is probed as it goes by). "Auto-presentable" documents (an XSL stylesheet carrying the CDA
// inside, as ANS publishes some) are read from their embedded ClinicalDocument.
//
// CDA R2 elements are in the HL7 v3 namespace `urn:hl7-org:v3`, with any prefix (HL7 CDA R2 §1.1,
// CDA.xsd targetNamespace): a ClinicalDocument outside it is not a CDA R2 document.
import { displayName, type XmlNode } from '../xml/node.js';
import { readXml, type XmlFault } from '../xml/read-xml.js';
import { base64Probe } from './base64-probe.js';
import type { Base64Probe, CdaBody, CdaDocument } from './document.js';

export const HL7_V3_NAMESPACE = 'urn:hl7-org:v3';
const XSLT_NAMESPACE = 'http://www.w3.org/1999/XSL/Transform';

export type CdaReadOutcome =
  | {
      status: 'cda';
      document: CdaDocument;
      /** The header was read whole, but the document is not well-formed further on. */
      fault?: Extract<XmlFault, { status: 'malformed' }>;
    }
  | XmlFault
  /** The root (or the stylesheet's embedded document) is not an HL7 v3 ClinicalDocument. */
  | { status: 'not-cda'; root: string; namespace: string };

export function readCda(bytes: Uint8Array): CdaReadOutcome {
  let body: CdaBody = { kind: 'none' };
  let payload: Base64Probe | undefined;
  let cda: XmlNode | undefined;
  let cdaDepth = 0;
  let headerComplete = false;
  const outcome = readXml(bytes, {
    homeNamespace: HL7_V3_NAMESPACE,
    onOpen: (node: XmlNode, absoluteDepth: number) => {
      if (!cda) {
        if (node.name === 'ClinicalDocument') {
          cda = node;
          cdaDepth = absoluteDepth;
          return undefined;
        }
        if (absoluteDepth === 0 && !(node.namespace === XSLT_NAMESPACE && node.name.endsWith('}stylesheet'))) return 'done';
        return undefined;
      }
      const depth = absoluteDepth - cdaDepth;
      if (depth === 0) return 'done';
      // The body's `component` comes last in the header's schema sequence (CDA R2 POCD_HD000040).
      if (depth === 1 && node.name === 'component') headerComplete = true; // a second ClinicalDocument in a stylesheet: the first one counts
      if (depth === 2 && node.parent?.name === 'component' && node.parent.parent === cda) {
        if (node.name === 'structuredBody') {
          body = { kind: 'structured', node };
          return 'done';
        }
        if (node.name === 'nonXMLBody') body = { kind: 'non-xml', node };
      }
      if (depth === 3 && node.name === 'text' && node.parent?.name === 'nonXMLBody' && body.kind === 'non-xml') {
        body.text = node;
        return base64Probe((probe) => {
          payload = probe;
        });
      }
      return undefined;
    },
  });
  const top = outcome.status === 'ok' || outcome.status === 'fault-after-tree' ? outcome.root : undefined;
  const fault = outcome.status === 'fault-after-tree' ? outcome.fault : outcome.status === 'malformed' ? outcome : undefined;
  const root = cda as XmlNode | undefined;
  if (outcome.status !== 'ok' && outcome.status !== 'fault-after-tree' && outcome.status !== 'malformed') return outcome;
  if (!root) {
    if (fault?.status === 'malformed') return fault;
    return top ? { status: 'not-cda', root: displayName(top.name), namespace: top.namespace } : { status: 'no-root' };
  }
  // A fault inside the header leaves nothing to check reliably; one in the body leaves the header whole.
  if (fault?.status === 'malformed' && !headerComplete) return fault;
  const finalBody = body as CdaBody;
  const probe = payload as Base64Probe | undefined;
  // The payload probe ends with its element: without it, a fault cut the body short.
  const bodyCut = fault !== undefined && (finalBody.kind === 'none' || (finalBody.kind === 'non-xml' && probe === undefined));
  if (finalBody.kind === 'non-xml' && finalBody.text && probe) finalBody.payload = probe;
  const document: CdaDocument = { root, body: finalBody, ...(bodyCut ? { bodyCut: true as const } : {}) };
  return fault?.status === 'malformed' ? { status: 'cda', document, fault } : { status: 'cda', document };
}
