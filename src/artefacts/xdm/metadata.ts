// The XDS metadata of an XDM subset (METADATA.XML, ebRIM 3.0) as the checks see it: document
// entries (ExtrinsicObject) and the submission set (RegistryPackage), with their slots, external
// identifiers and classifications told apart by the IHE ITI TF-3 scheme UUIDs.
import { attr, childrenNamed, descend, descendantsNamed, firstChild, type XmlNode } from '../xml/node.js';

/** ebXML Registry 3.0 namespaces of XDS metadata (ITI TF-3 §4.2): the request and its objects. */
export const XDS_NAMESPACES = {
  lcm: 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0',
  rim: 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0',
} as const;

/** METADATA.XML holds a SubmitObjectsRequest (lcm), or a bare RegistryObjectList (rim) as some writers do. */
export function isXdsRoot(root: XmlNode): boolean {
  return root.name === `{${XDS_NAMESPACES.lcm}}SubmitObjectsRequest` || root.name === 'RegistryObjectList';
}

/** ITI TF-3 4.2.5: identification and classification schemes. */
export const XDS_SCHEMES = {
  documentEntryPatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  documentEntryUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  submissionSetPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
  submissionSetNode: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
} as const;

export interface XdsClassification {
  node: XmlNode;
  code: string | undefined;
  codingScheme: string | undefined;
  slots: Map<string, string[]>;
}

export interface XdsObject {
  node: XmlNode;
  slots: Map<string, string[]>;
  title: string | undefined;
  identifiers: Map<string, { value: string; node: XmlNode }>;
  classifications: XdsClassification[];
}

export interface XdsMetadata {
  documentEntries: XdsObject[];
  submissionSet: XdsObject | undefined;
}

/** `root`: METADATA.XML read with the ebRIM namespace as home (elements of other namespaces are not ebRIM’s). */
export function readXdsMetadata(root: XmlNode): XdsMetadata {
  const documentEntries = descendantsNamed(root, 'ExtrinsicObject').map(xdsObject);
  // Classifications may sit inside the object or at list level (classifiedObject points back).
  const loose = descendantsNamed(root, 'Classification').filter((node) => node.parent?.name === 'RegistryObjectList');
  const packages = descendantsNamed(root, 'RegistryPackage');
  const submission = packages.find((pack) => {
    const id = attr(pack, 'id');
    return [...childrenNamed(pack, 'Classification'), ...loose].some(
      (node) => attr(node, 'classificationNode') === XDS_SCHEMES.submissionSetNode && (node.parent === pack || attr(node, 'classifiedObject') === id),
    );
  });
  return { documentEntries, submissionSet: submission ? xdsObject(submission) : packages.length === 1 ? xdsObject(packages[0]!) : undefined };
}

function xdsObject(node: XmlNode): XdsObject {
  const identifiers = new Map<string, { value: string; node: XmlNode }>();
  for (const identifier of childrenNamed(node, 'ExternalIdentifier')) {
    const scheme = attr(identifier, 'identificationScheme');
    if (scheme && !identifiers.has(scheme)) identifiers.set(scheme, { value: attr(identifier, 'value') ?? '', node: identifier });
  }
  return {
    node,
    slots: slotsOf(node),
    title: attr(descend(node, 'Name/LocalizedString'), 'value'),
    identifiers,
    classifications: childrenNamed(node, 'Classification').map((classification) => ({
      node: classification,
      code: attr(classification, 'nodeRepresentation'),
      codingScheme: slotsOf(classification).get('codingScheme')?.[0],
      slots: slotsOf(classification),
    })),
  };
}

function slotsOf(node: XmlNode): Map<string, string[]> {
  const slots = new Map<string, string[]>();
  for (const slot of childrenNamed(node, 'Slot')) {
    const name = attr(slot, 'name');
    if (name === undefined) continue;
    const values = childrenNamed(firstChild(slot, 'ValueList'), 'Value').map((value) => value.text);
    slots.set(name, [...(slots.get(name) ?? []), ...values]);
  }
  return slots;
}

export function classificationsOf(object: XdsObject, scheme: string): XdsClassification[] {
  return object.classifications.filter((classification) => attr(classification.node, 'classificationScheme') === scheme);
}
