import { ABSENT, EntryReport, sameInstant, slotValue, type XdmEntryRule } from './rule.js';

export const serviceTimeRule: XdmEntryRule = {
  code: 'xdm/service-time',
  severity: 'error',
  description: 'Les slots serviceStartTime/serviceStopTime, quand présents, sont les dates de serviceEvent du CDA en UTC.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (!cda) return [];
    // Optional in XDS: a slot is checked when the metadata states one.
    for (const [name, expected] of [
      ['serviceStartTime', cda.serviceStartTime],
      ['serviceStopTime', cda.serviceStopTime],
    ] as const) {
      const found = slotValue(entry, name);
      if (found !== undefined) report.compare(entry, `Slot[@name='${name}']`, expected ?? ABSENT, found, sameInstant(expected));
    }
    return report.findings;
  },
};
