// Réf. socle MSSanté #2, ECO.2.2.8: X-MSS-MES acts on messages to a patient's Mon espace santé
// mailbox (`…@patient.mssante.fr`); on a message to professionals only it does nothing.
import { PATIENT_DOMAIN } from '../facts.js';
import { found, type EmlRule } from './rule.js';

export const xMssMesNoPatientRule: EmlRule = {
  code: 'eml/x-mss-mes-no-patient',
  severity: 'warning',
  description: 'X-MSS-MES ne figure que sur un message adressé à une messagerie patient @patient.mssante.fr (Réf. socle MSSanté #2, ECO.2.2.8).',
  check(facts) {
    if (facts.fields('x-mss-mes').length === 0) return [];
    return facts.recipients.some(({ mailbox }) => mailbox.domain.toLowerCase() === PATIENT_DOMAIN) ? [] : [found(this, {}, 'X-MSS-MES')];
  },
};
