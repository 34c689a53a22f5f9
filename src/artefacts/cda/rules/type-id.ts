import { RuleReport, type CdaRule } from './rule.js';

export const typeIdRule: CdaRule = {
  code: 'cda/type-id',
  severity: 'error',
  description: 'typeId : racine 2.16.840.1.113883.1.3, extension POCD_HD000040 (CDA R2).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const typeId of report.count(root, 'typeId', 1, 1)) {
      report.attribute(typeId, 'root', (v) => v === '2.16.840.1.113883.1.3', '"2.16.840.1.113883.1.3"');
      report.attribute(typeId, 'extension', (v) => v === 'POCD_HD000040', '"POCD_HD000040"');
    }
    return report.findings;
  },
};
