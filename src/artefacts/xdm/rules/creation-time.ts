import { EntryReport, sameInstant, slotValue, type XdmEntryRule } from './rule.js';

export const creationTimeRule: XdmEntryRule = {
  code: 'xdm/creation-time',
  severity: 'error',
  description: 'Le slot creationTime est l’effectiveTime du CDA exprimé en UTC.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (cda) report.compare(entry, "Slot[@name='creationTime']", cda.creationTime, slotValue(entry, 'creationTime'), sameInstant(cda.creationTime));
    return report.findings;
  },
};
