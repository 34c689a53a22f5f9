import { RuleReport, type CdaRule } from './rule.js';

export const titleRule: CdaRule = {
  code: 'cda/title',
  severity: 'error',
  description: 'Exactement un titre (title).',
  check({ root }) {
    const report = new RuleReport(this);
    report.count(root, 'title', 1, 1);
    return report.findings;
  },
};
