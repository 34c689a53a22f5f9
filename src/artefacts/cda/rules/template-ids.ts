import { isOidOrUuid } from '../../formats.js';
import { RuleReport, type CdaRule } from './rule.js';

export const HL7_FRANCE_TEMPLATE = '2.16.840.1.113883.2.8.2.1';
export const CI_SIS_TEMPLATE = '1.2.250.1.213.1.1.1.1';

export const templateIdsRule: CdaRule = {
  code: 'cda/template-ids',
  severity: 'error',
  description: 'templateId : un HL7 France, un CI-SIS et au moins celui du volet ; chaque racine est un OID ou un UUID.',
  check({ root }) {
    const report = new RuleReport(this);
    const templates = root.children.filter((child) => child.name === 'templateId');
    for (const required of [HL7_FRANCE_TEMPLATE, CI_SIS_TEMPLATE]) {
      const count = templates.filter((template) => template.attrs.root === required).length;
      if (count !== 1) report.add(root, `templateId[@root='${required}']`, '1', String(count));
    }
    if (templates.length < 3) report.add(root, 'templateId', '3..*', String(templates.length));
    for (const template of templates) {
      report.attribute(template, 'root', isOidOrUuid, 'OID | UUID');
    }
    return report.findings;
  },
};
