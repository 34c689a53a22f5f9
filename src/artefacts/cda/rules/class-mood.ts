import { RuleReport, type CdaRule } from './rule.js';

export const classMoodRule: CdaRule = {
  code: 'cda/class-mood',
  severity: 'error',
  description: 'ClinicalDocument : @classCode et @moodCode, s’ils sont présents, valent DOCCLIN et EVN.',
  check({ root }) {
    const report = new RuleReport(this);
    report.attribute(root, 'classCode', (v) => v === 'DOCCLIN', '"DOCCLIN"', { optional: true });
    report.attribute(root, 'moodCode', (v) => v === 'EVN', '"EVN"', { optional: true });
    return report.findings;
  },
};
