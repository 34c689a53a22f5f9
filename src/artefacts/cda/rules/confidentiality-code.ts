import { listOf, oneOf, RuleReport, type CdaRule } from './rule.js';

const CODES = ['L', 'M', 'N', 'R', 'U', 'V'];

export const confidentialityCodeRule: CdaRule = {
  code: 'cda/confidentiality-code',
  severity: 'error',
  description: 'Exactement un confidentialityCode (L, M, N, R, U ou V de 2.16.840.1.113883.5.25), avec displayName.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const code of report.count(root, 'confidentialityCode', 1, 1)) {
      report.attribute(code, 'code', oneOf(CODES), listOf(CODES));
      report.attribute(code, 'codeSystem', (v) => v === '2.16.840.1.113883.5.25', '"2.16.840.1.113883.5.25"');
      report.attribute(code, 'displayName', (v) => v.length > 0, 'displayName');
    }
    return report.findings;
  },
};
