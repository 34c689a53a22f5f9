import type { PatientIdentity } from '../../types.js';
import { XDS_SCHEMES, type XdsObject } from '../metadata.js';
import { ABSENT, EntryReport, type XdmEntryRule } from './rule.js';

export const patientIdRule: XdmEntryRule = {
  code: 'xdm/patient-id',
  severity: 'error',
  description: 'patientId (du document et du lot de soumission) vaut INS^^^&OID&ISO^NH avec l’INS du CDA.',
  check({ metadataName, entry, identity }) {
    const report = new EntryReport(this, metadataName);
    if (identity) checkPatientId(report, entry, XDS_SCHEMES.documentEntryPatientId, identity, 'DocumentEntry.patientId');
    return report.findings;
  },
};

/** Also used for the submission set, checked once per subset against its first document's INS. */
export function checkPatientId(report: EntryReport, object: XdsObject, scheme: string, identity: PatientIdentity, label: string): void {
  const declared = object.identifiers.get(scheme)?.value;
  if (declared === `${identity.ins}^^^&${identity.oid}&ISO^NH`) return;
  const caret = declared?.indexOf('^') ?? -1;
  // The INS part goes in `ins` so that it is masked like any INS.
  report.add(object, `ExternalIdentifier[${label}]`, {
    element: label,
    otherIns: identity.ins,
    oid: identity.oid,
    ins: declared === undefined ? '' : caret < 0 ? declared : declared.slice(0, caret),
    rest: declared === undefined ? ABSENT : caret < 0 ? '' : declared.slice(caret),
  });
}
