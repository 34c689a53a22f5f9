import { RuleReport, type CdaRule } from './rule.js';

export const realmCodeRule: CdaRule = {
  code: 'cda/realm-code',
  severity: 'error',
  description: 'Exactement un realmCode, de code FR.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const realm of report.count(root, 'realmCode', 1, 1)) {
      report.attribute(realm, 'code', (v) => v === 'FR', '"FR"');
    }
    return report.findings;
  },
};
