import { RuleReport, type CdaRule } from './rule.js';

export const languageCodeRule: CdaRule = {
  code: 'cda/language-code',
  severity: 'error',
  description: 'Exactement un languageCode de forme langue-PAYS (fr-FR).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const language of report.count(root, 'languageCode', 1, 1)) {
      report.attribute(language, 'code', (v) => /^[a-z]{2}-[A-Z]{2}$/.test(v), 'fr-FR');
    }
    return report.findings;
  },
};
