import { RuleReport, type CdaRule } from './rule.js';

export const headerCardinalityRule: CdaRule = {
  code: 'cda/header-cardinality',
  severity: 'error',
  description: 'Exactement un component, au plus un dataEnterer et au plus un relatedDocument de type RPLC.',
  check({ root }) {
    const report = new RuleReport(this);
    report.count(root, 'component', 1, 1);
    report.count(root, 'dataEnterer', 0, 1);
    const replaced = root.children.filter((child) => child.name === 'relatedDocument' && child.attrs.typeCode === 'RPLC');
    if (replaced.length > 1) report.add(root, "relatedDocument[@typeCode='RPLC']", '0..1', String(replaced.length));
    return report.findings;
  },
};
