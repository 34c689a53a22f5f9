import { isInDocumentTypeValueSet } from '../value-sets.js';
import { isOid } from '../../formats.js';
import { quote, RuleReport, type CdaRule } from './rule.js';

export const documentCodeRule: CdaRule = {
  code: 'cda/document-code',
  severity: 'error',
  description: 'Exactement un code de type de document (code, codeSystem, displayName) pris dans le jeu de valeurs JDV J07 XdsTypeCode.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const code of report.count(root, 'code', 1, 1)) {
      const value = report.attribute(code, 'code', (v) => v.length > 0, 'code');
      const system = report.attribute(code, 'codeSystem', isOid, 'OID');
      report.attribute(code, 'displayName', (v) => v.length > 0, 'displayName');
      if (value && system && !isInDocumentTypeValueSet(system, value)) {
        report.add(code, '@code', 'JDV_J07-XdsTypeCode-CISIS', `${quote(value)} (${system})`);
      }
    }
    return report.findings;
  },
};
