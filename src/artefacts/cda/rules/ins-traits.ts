import { isInsOid } from '../../ins/oids.js';
import { childrenNamed, descend, descendAll, firstChild } from '../../xml/node.js';
import { patientOf, patientRoles } from './patient.js';
import { RuleReport, type CdaRule } from './rule.js';

export const insTraitsRule: CdaRule = {
  code: 'cda/ins-traits',
  severity: 'error',
  description:
    'Avec une INS, tous les traits d’identité sont présents : nom de naissance (BR), premier prénom (BR), liste des prénoms, sexe, date et lieu de naissance (code COG).',
  check({ root }) {
    const report = new RuleReport(this);
    for (const role of patientRoles(root)) {
      const hasIns = childrenNamed(role, 'id').some((id) => isInsOid(id.attrs.root));
      const patient = patientOf(role);
      if (!hasIns || !patient) continue;
      const name = firstChild(patient, 'name');
      const families = childrenNamed(name, 'family');
      const givens = childrenNamed(name, 'given');
      const at = name ?? patient;
      if (!families.some((family) => family.attrs.qualifier === 'BR')) report.add(at, "family[@qualifier='BR']", '1', '0');
      if (!givens.some((given) => given.attrs.qualifier === 'BR')) report.add(at, "given[@qualifier='BR']", '1', '0');
      if (!givens.some((given) => given.attrs.qualifier === undefined)) report.add(at, 'given[not(@qualifier)]', '1', '0');
      const birthTime = firstChild(patient, 'birthTime');
      if (!birthTime?.attrs.value) report.add(patient, 'birthTime/@value', '1', '0');
      const county = descendAll(patient, 'birthplace/place/addr/county').find((node) => node.text.length > 0);
      if (!county) report.add(patient, 'birthplace/place/addr/county', '1', '0');
      if (!descend(patient, 'administrativeGenderCode')?.attrs.code) report.add(patient, 'administrativeGenderCode/@code', '1', '0');
    }
    return report.findings;
  },
};
