// Réf. socle MSSanté #2, ECO.2.4.2: X-MSS-INS says whether the attached CDA carries a qualified INS:
// `O` when it does, `N` when it does not. Qualified, §3.8.2: the INS number, its OID and the four
// traits (birth family name, first birth given name, birth date, sex) are in the document.
import type { PatientIdentity } from '../../types.js';
import { found, headerValues, type EmlRule } from './rule.js';

export function isQualified(identity: PatientIdentity): boolean {
  return Boolean(identity.ins && identity.oid && identity.birthFamilyName && identity.firstBirthGivenName && identity.birthDate && identity.sex);
}

export const xMssInsRule: EmlRule = {
  code: 'eml/x-mss-ins',
  severity: 'error',
  description: 'X-MSS-INS vaut O si un document CDA joint porte une INS qualifiée (numéro, OID et 4 traits), N sinon (Réf. socle MSSanté #2, ECO.2.4.2).',
  check(facts) {
    const values = headerValues(facts, 'x-mss-ins');
    if (values.length === 0 || facts.documents.length === 0) return [];
    const qualified = facts.identities.some(isQualified);
    // Without a qualified INS among documents read in part, the right value is not known.
    const expected = qualified ? 'O' : facts.documentsComplete ? 'N' : undefined;
    const wrong = values.find((value) => (expected ? value !== expected : value !== 'O' && value !== 'N'));
    return wrong === undefined ? [] : [found(this, { expected: expected ?? 'O | N', found: values.join(', ') }, 'X-MSS-INS')];
  },
};
