import { firstChild } from '../../xml/node.js';
import { isValidTimestamp } from '../../formats.js';
import { patientOf, patientRoles } from './patient.js';
import { isNull, listOf, oneOf, RuleReport, type CdaRule } from './rule.js';

const GENDERS = ['F', 'M', 'UN'];

export const patientDemographicsRule: CdaRule = {
  code: 'cda/patient-demographics',
  severity: 'error',
  description:
    'Patient : sexe F, M ou UN (2.16.840.1.113883.5.1), date de naissance au format TS valide, au plus un lieu de naissance (un place, au plus une addr).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const role of patientRoles(root)) {
      const patient = patientOf(role);
      if (!patient) continue;
      const gender = firstChild(patient, 'administrativeGenderCode');
      if (gender && !isNull(gender)) {
        report.attribute(gender, 'code', oneOf(GENDERS), listOf(GENDERS));
        report.attribute(gender, 'codeSystem', (v) => v === '2.16.840.1.113883.5.1', '"2.16.840.1.113883.5.1"', { optional: true });
      }
      const birthTime = firstChild(patient, 'birthTime');
      if (birthTime && !isNull(birthTime)) report.attribute(birthTime, 'value', isValidTimestamp, 'TS AAAAMMJJ');
      for (const birthplace of report.count(patient, 'birthplace', 0, 1)) {
        for (const place of report.count(birthplace, 'place', 1, 1)) report.count(place, 'addr', 0, 1);
      }
    }
    return report.findings;
  },
};
