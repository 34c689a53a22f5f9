import { patientOf, patientRoles } from './patient.js';
import { oneOf, RuleReport, type CdaRule } from './rule.js';

const QUALIFIERS = oneOf(['BR', 'CL']);

export const patientNameRule: CdaRule = {
  code: 'cda/patient-name',
  severity: 'error',
  description:
    'Nom du patient : un seul name, au moins un given et un family ; family/@qualifier BR ou CL obligatoire, given/@qualifier BR ou CL ; au plus un prefix et un suffix.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const role of patientRoles(root)) {
      const patient = patientOf(role);
      if (!patient) continue;
      for (const name of report.count(patient, 'name', 1, 1)) {
        for (const family of report.count(name, 'family', 1, '*')) report.attribute(family, 'qualifier', QUALIFIERS, 'BR | CL');
        for (const given of report.count(name, 'given', 1, '*')) {
          report.attribute(given, 'qualifier', QUALIFIERS, 'BR | CL', { optional: true });
        }
        report.count(name, 'prefix', 0, 1);
        report.count(name, 'suffix', 0, 1);
      }
    }
    return report.findings;
  },
};
