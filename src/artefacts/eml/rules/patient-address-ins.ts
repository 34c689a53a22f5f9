// A message to a patient's Mon espace santé mailbox carries that patient's documents: the INS of the
// address is the INS of the attached CDA documents (artefact-rules.md §5; Réf. socle MSSanté #2,
// ECO.2.2.6 and ECO.2.1.2, the receiver files the message under the archive's patientId).
import { PATIENT_DOMAIN } from '../facts.js';
import { isValidIns } from './patient-address.js';
import { found, type EmlRule } from './rule.js';

export const patientAddressInsRule: EmlRule = {
  code: 'eml/patient-address-ins',
  severity: 'error',
  description: 'L’INS d’une adresse @patient.mssante.fr est celle des documents CDA joints (artefact-rules.md §5 ; Réf. socle MSSanté #2, ECO.2.2.6).',
  check(facts) {
    const documentIns = [...new Set(facts.identities.map((identity) => identity.ins.toUpperCase()))];
    if (documentIns.length === 0) return [];
    return facts.recipients
      .filter(({ mailbox }) => mailbox.domain.toLowerCase() === PATIENT_DOMAIN && isValidIns(mailbox.localPart))
      .filter(({ mailbox }) => !documentIns.includes(mailbox.localPart.toUpperCase()))
      .map(({ header, mailbox }) => found(this, { header, ins: mailbox.localPart, otherIns: documentIns.join(', ') }, header));
  },
};
