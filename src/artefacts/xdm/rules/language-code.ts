import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const languageCodeRule: XdmEntryRule = {
  code: 'xdm/language-code',
  severity: 'error',
  description: 'Le slot languageCode reprend la langue du CDA.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (cda) report.compare(entry, "Slot[@name='languageCode']", cda.languageCode, slotValue(entry, 'languageCode'));
    return report.findings;
  },
};
