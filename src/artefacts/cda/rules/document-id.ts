import { isOidOrUuid } from '../../formats.js';
import { RuleReport, type CdaRule } from './rule.js';

export const documentIdRule: CdaRule = {
  code: 'cda/document-id',
  severity: 'error',
  description: 'Exactement un id de document : @root OID ou UUID (128 caractères au plus), @extension non vide (64 au plus).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const id of report.count(root, 'id', 1, 1)) {
      const value = report.attribute(id, 'root', isOidOrUuid, 'OID | UUID');
      if (value && value.length > 128) report.add(id, '@root', '≤ 128', String(value.length), 'warning');
      const extension = report.attribute(id, 'extension', (v) => v.trim().length > 0, '1..64', { optional: true });
      if (extension && extension.length > 64) report.add(id, '@extension', '≤ 64', String(extension.length), 'warning');
    }
    return report.findings;
  },
};
