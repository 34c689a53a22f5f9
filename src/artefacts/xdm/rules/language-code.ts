import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const languageCodeRule: XdmEntryRule = {
  code: 'xdm/language-code',
  severity: 'error',
  description: 'Le slot languageCode reprend la langue du CDA (étiquettes BCP 47 comparées sans tenir compte de la casse).',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    // BCP 47 (RFC 5646 §2.1.1): language tags are case-insensitive; `fr-FR` and `fr-fr` are one tag.
    const expected = cda?.languageCode;
    if (cda) report.compare(entry, "Slot[@name='languageCode']", expected, slotValue(entry, 'languageCode'), (found) => found.toLowerCase() === expected?.toLowerCase());
    return report.findings;
  },
};
