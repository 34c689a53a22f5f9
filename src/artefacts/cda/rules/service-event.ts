import { childrenNamed, descend } from '../../xml/node.js';
import { isNull, RuleReport, type CdaRule } from './rule.js';

export const serviceEventRule: CdaRule = {
  code: 'cda/service-event',
  severity: 'error',
  description:
    'Au moins un documentationOf/serviceEvent ; le premier a exactement un exécutant (performer PRF) rattaché à une organisation avec son cadre d’exercice, et une date de début (effectiveTime/low).',
  check({ root }) {
    const report = new RuleReport(this);
    const events = childrenNamed(root, 'documentationOf').flatMap((doc) => childrenNamed(doc, 'serviceEvent'));
    if (events.length === 0) {
      report.add(root, 'documentationOf/serviceEvent', '1..*', '0');
      return report.findings;
    }
    const first = events[0]!;
    const performers = childrenNamed(first, 'performer').filter((performer) => performer.attrs.typeCode === 'PRF');
    if (performers.length !== 1) report.add(first, "performer[@typeCode='PRF']", '1', String(performers.length));
    for (const performer of performers) {
      const organisation = descend(performer, 'assignedEntity/representedOrganization');
      if (!organisation) report.add(performer, 'assignedEntity/representedOrganization', '1', '0');
      else report.count(organisation, 'standardIndustryClassCode', 1, 1);
    }
    for (const time of report.count(first, 'effectiveTime', 1, 1)) {
      if (!descend(time, 'low')?.attrs.value) report.add(time, 'low/@value', '1', '0');
    }
    for (const event of events) {
      const code = descend(event, 'code');
      if (code && !isNull(code)) {
        report.attribute(code, 'code', (v) => v.length > 0, 'code');
        report.attribute(code, 'codeSystem', (v) => v.length > 0, 'codeSystem');
      }
    }
    return report.findings;
  },
};
