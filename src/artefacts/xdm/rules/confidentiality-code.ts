import { classificationsOf, XDS_SCHEMES } from '../metadata.js';
import { EntryReport, type XdmEntryRule } from './rule.js';

export const confidentialityCodeRule: XdmEntryRule = {
  code: 'xdm/confidentiality-code',
  severity: 'error',
  description: 'Les classifications confidentialityCode incluent le code de confidentialité du CDA.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (!cda) return [];
    const codes = classificationsOf(entry, XDS_SCHEMES.confidentialityCode).map((classification) => classification.code ?? '');
    const expected = cda.confidentialityCode;
    report.compare(entry, 'Classification[confidentialityCode]', expected, codes.length ? codes.join(', ') : undefined, () => codes.includes(expected!));
    return report.findings;
  },
};
