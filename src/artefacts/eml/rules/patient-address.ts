// Mon espace santé mailboxes are `<INS>@patient.mssante.fr`, built from the patient's qualified INS
// (Réf. socle MSSanté #2, ECO.2.2.6; artefact-rules.md §5): the local part is a 15-character INS
// whose key is right (artefact-rules.md §2).
import { insKey, parseInsNumber } from '../../ins/ins-number.js';
import { PATIENT_DOMAIN } from '../facts.js';
import { found, type EmlRule } from './rule.js';

export function isValidIns(value: string): boolean {
  const parsed = parseInsNumber(value.toUpperCase());
  return parsed !== undefined && insKey(parsed.body) === parsed.key;
}

export const patientAddressRule: EmlRule = {
  code: 'eml/patient-address',
  severity: 'error',
  description: 'Une adresse @patient.mssante.fr a pour partie locale une INS valide (15 caractères, clé exacte) (Réf. socle MSSanté #2, ECO.2.2.6).',
  check(facts) {
    return facts.recipients
      .filter(({ mailbox }) => mailbox.domain.toLowerCase() === PATIENT_DOMAIN && !isValidIns(mailbox.localPart))
      .map(({ header, mailbox }) => found(this, { header, ins: mailbox.localPart }, header));
  },
};
