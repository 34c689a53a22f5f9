import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const languageCodeRule: XdmEntryRule = {
  code: 'xdm/language-code',
  severity: 'error',
  description: 'Le slot languageCode reprend la langue du CDA (étiquettes BCP 47 comparées sans tenir compte de la casse).',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    // RFC 5646 §2.1.1: language tags are case-insensitive (`fr-fr` is `fr-FR`).
    const expected = cda?.languageCode?.toLowerCase();
    if (cda) report.compare(entry, "Slot[@name='languageCode']", cda.languageCode, slotValue(entry, 'languageCode'), (found) => found.toLowerCase() === expected);
    return report.findings;
  },
};
