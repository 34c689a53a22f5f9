// The CDA document as the header rules see it: the ClinicalDocument element with its header
// children (the body is cut off), plus what was learnt about the body while streaming past it.
import type { XmlNode } from '../xml/node.js';

export interface Base64Probe {
  /** Base64 characters seen (whitespace excluded). */
  length: number;
  /** First character that cannot appear in base64, if any. */
  invalidCharacter?: string;
  /** The decoded bytes start with `%PDF-`. */
  startsWithPdf: boolean;
}

export type CdaBody =
  | { kind: 'none' }
  | { kind: 'structured'; node: XmlNode }
  | { kind: 'non-xml'; node: XmlNode; text?: XmlNode; payload?: Base64Probe };

export interface CdaDocument {
  root: XmlNode;
  body: CdaBody;
  /**
   * The document ends (not well-formed) before its body was seen whole: what the body holds is
   * unknown, and rules say nothing of it (the well-formedness finding says what is wrong).
   */
  bodyCut?: true;
}
