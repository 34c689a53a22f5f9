import { childrenNamed } from '../../xml/node.js';
import { RuleReport, type CdaRule } from './rule.js';

export const legalAuthenticatorRule: CdaRule = {
  code: 'cda/legal-authenticator',
  severity: 'error',
  description:
    'Exactement un responsable (legalAuthenticator) : signatureCode S, une date, une entité identifiée (root et extension) ; son nom a un family et au plus un given.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const legal of report.count(root, 'legalAuthenticator', 1, 1)) {
      report.count(legal, 'time', 1, 1);
      for (const signature of report.count(legal, 'signatureCode', 1, 1)) {
        report.attribute(signature, 'code', (v) => v === 'S', '"S"');
      }
      for (const entity of report.count(legal, 'assignedEntity', 1, 1)) {
        for (const id of report.count(entity, 'id', 1, 1)) {
          report.attribute(id, 'root', (v) => v.length > 0, 'OID');
          report.attribute(id, 'extension', (v) => v.length > 0, 'extension');
        }
        for (const name of childrenNamed(entity, 'assignedPerson').flatMap((person) => childrenNamed(person, 'name'))) {
          report.count(name, 'family', 1, 1);
          report.count(name, 'given', 0, 1);
        }
      }
    }
    return report.findings;
  },
};
