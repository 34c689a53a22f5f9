import { isOidOrUuid } from '../../formats.js';
import { RuleReport, type CdaRule } from './rule.js';

export const setIdVersionRule: CdaRule = {
  code: 'cda/set-id-version',
  severity: 'error',
  description: 'Exactement un setId (avec @root) et un versionNumber entier strictement positif.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const setId of report.count(root, 'setId', 1, 1)) {
      report.attribute(setId, 'root', isOidOrUuid, 'OID | UUID');
    }
    for (const version of report.count(root, 'versionNumber', 1, 1)) {
      report.attribute(version, 'value', (v) => /^[1-9]\d*$/.test(v), '1..*');
    }
    return report.findings;
  },
};
