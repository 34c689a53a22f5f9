import { descend, firstChild } from '../../xml/node.js';
import { isNull, quote, RuleReport, type CdaRule } from './rule.js';

const ENCOUNTER_CODES: Record<string, readonly string[]> = {
  '2.16.840.1.113883.5.4': ['IMP', 'EMER', 'AMB', 'FLD', 'HH', 'VR'],
  '1.2.250.1.213.1.1.4.2.291': ['EXTERNE', 'SEANCE'],
};

export const encompassingEncounterRule: CdaRule = {
  code: 'cda/encompassing-encounter',
  severity: 'error',
  description:
    'Exactement une prise en charge (componentOf/encompassingEncounter) avec une date et un lieu codé (location/healthCareFacility/code) ; son code, s’il est présent, est IMP, EMER, AMB, FLD, HH, VR, EXTERNE ou SEANCE.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const componentOf of report.count(root, 'componentOf', 1, 1)) {
      for (const encounter of report.count(componentOf, 'encompassingEncounter', 1, 1)) {
        report.count(encounter, 'effectiveTime', 1, 1);
        if (!descend(encounter, 'location/healthCareFacility/code')) {
          report.add(encounter, 'location/healthCareFacility/code', '1', '0');
        }
        const code = firstChild(encounter, 'code');
        if (code && !isNull(code)) {
          const allowed = ENCOUNTER_CODES[code.attrs.codeSystem ?? ''];
          if (!allowed || !allowed.includes(code.attrs.code ?? '')) {
            report.add(code, '@code', 'IMP | EMER | AMB | FLD | HH | VR | EXTERNE | SEANCE', `${quote(code.attrs.code ?? '')} (${code.attrs.codeSystem ?? '∅'})`);
          }
        }
      }
    }
    return report.findings;
  },
};
