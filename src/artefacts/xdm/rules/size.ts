import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const sizeRule: XdmEntryRule = {
  code: 'xdm/size',
  severity: 'error',
  description: 'Le slot size est la longueur en octets du fichier désigné par URI.',
  check({ metadataName, entry, file }) {
    const report = new EntryReport(this, metadataName);
    report.compare(entry, "Slot[@name='size']", String(file.size), slotValue(entry, 'size'));
    return report.findings;
  },
};
