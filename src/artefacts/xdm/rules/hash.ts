import { EntryReport, slotValue, type XdmEntryRule } from './rule.js';

export const hashRule: XdmEntryRule = {
  code: 'xdm/hash',
  severity: 'error',
  description: 'Le slot hash est le SHA-1 (hexadécimal, chiffres comparés sans tenir compte de la casse) du fichier désigné par URI.',
  check({ metadataName, entry, file }) {
    const report = new EntryReport(this, metadataName);
    // ITI TF-3 4.2.3.2.10: hex digits; case is not significant (lower case is the usual form).
    report.compare(entry, "Slot[@name='hash']", file.sha1, slotValue(entry, 'hash'), (found) => found.toLowerCase() === file.sha1);
    return report.findings;
  },
};
