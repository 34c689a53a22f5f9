import { childrenNamed, descend, type XmlNode } from '../../xml/node.js';
import { RuleReport, type CdaRule } from './rule.js';

const ORGANISATION_ID_ROOT = '1.2.250.1.71.4.2.2';

export const authorRule: CdaRule = {
  code: 'cda/author',
  severity: 'error',
  description:
    'Au moins un auteur, chacun avec une date (time), un assignedAuthor identifié (root et extension), une profession codée, et une personne (avec nom de famille) ou un logiciel.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const author of report.count(root, 'author', 1, '*')) {
      report.count(author, 'time', 1, 1);
      for (const assigned of report.count(author, 'assignedAuthor', 1, 1)) checkAssignedAuthor(report, assigned);
    }
    return report.findings;
  },
};

function checkAssignedAuthor(report: RuleReport, assigned: XmlNode): void {
  for (const id of report.count(assigned, 'id', 1, '*')) {
    if (id.attrs.nullFlavor) continue;
    report.attribute(id, 'root', (v) => v.length > 0, 'OID');
    if (id.attrs.root === ORGANISATION_ID_ROOT) report.attribute(id, 'extension', (v) => v.length > 0, 'extension');
  }
  for (const code of childrenNamed(assigned, 'code')) {
    if (code.attrs.nullFlavor) continue;
    for (const name of ['code', 'codeSystem', 'displayName']) report.attribute(code, name, (v) => v.length > 0, name);
  }
  const persons = childrenNamed(assigned, 'assignedPerson');
  const devices = childrenNamed(assigned, 'assignedAuthoringDevice');
  if (persons.length + devices.length !== 1) {
    report.add(assigned, 'assignedPerson | assignedAuthoringDevice', '1', String(persons.length + devices.length));
  }
  for (const person of persons) {
    if (!descend(person, 'name/family')) report.add(person, 'name/family', '1..*', '0');
  }
  for (const device of devices) {
    report.count(device, 'manufacturerModelName', 1, 1);
    report.count(device, 'softwareName', 1, 1);
  }
}
