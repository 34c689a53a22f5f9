// Reads a CDA R2 file safely (xml/read-xml.ts) into a CdaDocument: the header is kept, a
// structuredBody ends the read (header rules need nothing inside it), a nonXMLBody's base64 text
// is probed as it streams by. "Auto-presentable" documents (an XSL stylesheet carrying the CDA
// inside, as ANS publishes some) are read from their embedded ClinicalDocument.
import type { XmlNode } from '../xml/node.js';
import { readXmlFile, type XmlReadOutcome } from '../xml/read-xml.js';
import { base64Probe } from './base64-probe.js';
import type { Base64Probe, CdaBody, CdaDocument } from './document.js';

export type CdaReadOutcome = { status: 'cda'; document: CdaDocument } | Exclude<XmlReadOutcome, { status: 'ok' }> | { status: 'not-cda'; root: string };

export function readCdaFile(path: string): CdaReadOutcome {
  let body: CdaBody = { kind: 'none' };
  let payload: Base64Probe | undefined;
  let cda: XmlNode | undefined;
  let cdaDepth = 0;
  const outcome = readXmlFile(path, {
    onOpen: (node: XmlNode, absoluteDepth: number) => {
      if (!cda) {
        if (node.name === 'ClinicalDocument') {
          cda = node;
          cdaDepth = absoluteDepth;
          return undefined;
        }
        if (absoluteDepth === 0 && node.name !== 'stylesheet') return 'stop';
        return undefined;
      }
      const depth = absoluteDepth - cdaDepth;
      if (depth === 2 && node.parent?.name === 'component' && node.parent.parent === cda) {
        if (node.name === 'structuredBody') {
          body = { kind: 'structured', node };
          return 'stop';
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
  if (outcome.status !== 'ok') return outcome;
  const root = cda as XmlNode | undefined;
  if (!root) return { status: 'not-cda', root: outcome.root.name };
  const finalBody = body as CdaBody;
  if (finalBody.kind === 'non-xml' && finalBody.text) {
    finalBody.payload = payload ?? { length: 0, startsWithPdf: false };
  }
  return { status: 'cda', document: { root, body: finalBody } };
}
