import { isValidTimestamp } from '../../formats.js';
import { RuleReport, type CdaRule } from './rule.js';

export const effectiveTimeRule: CdaRule = {
  code: 'cda/effective-time',
  severity: 'error',
  description: 'Exactement une date de création (effectiveTime/@value) au format TS HL7 et de calendrier valide.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const time of report.count(root, 'effectiveTime', 1, 1)) {
      report.attribute(time, 'value', isValidTimestamp, 'TS AAAAMMJJ[hhmmss][+zzzz]');
    }
    return report.findings;
  },
};
