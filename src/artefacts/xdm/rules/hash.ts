import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const hashRule: XdmEntryRule = {
  code: 'xdm/hash',
  severity: 'error',
  description: 'Le slot hash est le SHA-1 (hexadécimal en minuscules) du fichier désigné par URI.',
  check({ metadataName, entry, file }) {
    const report = new EntryReport(this, metadataName);
    report.compare(entry, "Slot[@name='hash']", file.sha1, slotValue(entry, 'hash'));
    return report.findings;
  },
};
