import { RuleReport, type CdaRule } from './rule.js';

export const recordTargetRule: CdaRule = {
  code: 'cda/record-target',
  severity: 'error',
  description: 'Exactement un recordTarget/patientRole avec un patient et au moins un identifiant (root et extension).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const target of report.count(root, 'recordTarget', 1, 1)) {
      for (const role of report.count(target, 'patientRole', 1, 1)) {
        report.count(role, 'patient', 1, 1);
        const usable = role.children.filter(
          (child) => child.name === 'id' && !child.attrs.nullFlavor && child.attrs.root && child.attrs.extension,
        );
        if (usable.length === 0) report.add(role, 'id[@root and @extension]', '1..*', '0');
      }
    }
    return report.findings;
  },
};
