import { listOf, oneOf, RuleReport, type CdaRule } from './rule.js';

const ROOTS = ['1.2.250.1.71.4.2.2', '1.2.250.1.213.4.1'];

export const custodianRule: CdaRule = {
  code: 'cda/custodian',
  severity: 'error',
  description:
    'Exactement une organisation gardienne (custodian/assignedCustodian/representedCustodianOrganization) identifiée sous 1.2.250.1.71.4.2.2 ou 1.2.250.1.213.4.1.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const custodian of report.count(root, 'custodian', 1, 1)) {
      for (const assigned of report.count(custodian, 'assignedCustodian', 1, 1)) {
        for (const organisation of report.count(assigned, 'representedCustodianOrganization', 1, 1)) {
          for (const id of report.count(organisation, 'id', 1, '*')) report.attribute(id, 'root', oneOf(ROOTS), listOf(ROOTS));
        }
      }
    }
    return report.findings;
  },
};
