import { XDS_SCHEMES } from '../metadata.js';
import { EntryReport, type XdmEntryRule } from './rule.js';

export const uniqueIdRule: XdmEntryRule = {
  code: 'xdm/unique-id',
  severity: 'error',
  description: 'DocumentEntry.uniqueId est l’id du CDA : root, ou root^extension.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (!cda) return [];
    const declared = entry.identifiers.get(XDS_SCHEMES.documentEntryUniqueId)?.value;
    report.compare(entry, 'ExternalIdentifier[uniqueId]', cda.uniqueIds[0], declared, (value) => cda.uniqueIds.includes(value));
    return report.findings;
  },
};
