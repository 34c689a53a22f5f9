// Where the patient sits in the header; shared by the recordTarget rules and the INS checks.
import { childrenNamed, descend, type XmlNode } from '../../xml/node.js';

export function patientRoles(root: XmlNode): XmlNode[] {
  return childrenNamed(root, 'recordTarget').flatMap((target) => childrenNamed(target, 'patientRole'));
}

export function patientOf(patientRole: XmlNode): XmlNode | undefined {
  return descend(patientRole, 'patient');
}
