import { EntryReport, type XdmEntryRule } from './rule.js';

export const titleRule: XdmEntryRule = {
  code: 'xdm/title',
  severity: 'error',
  description: 'Le titre (Name/LocalizedString) reprend le titre du CDA.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (cda) report.compare(entry, 'Name/LocalizedString/@value', cda.title, entry.title, (value) => value.trim() === cda.title);
    return report.findings;
  },
};
