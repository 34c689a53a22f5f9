// The INS occurrences of a CDA header and the identity traits stated beside them.
import { checkIns } from '../ins/check-ins.js';
import { isInsOid } from '../ins/oids.js';
import { definedOnly } from '../defined-only.js';
import type { ArtefactFinding, PatientIdentity } from '../types.js';
import { childrenNamed, descend, descendAll, firstChild, pathOf, type XmlNode } from '../xml/node.js';
import { patientOf, patientRoles } from './rules/patient.js';
import { appendAll } from '../../util/append.js';

export function checkCdaIdentities(root: XmlNode): { findings: ArtefactFinding[]; identities: PatientIdentity[] } {
  const findings: ArtefactFinding[] = [];
  const identities: PatientIdentity[] = [];
  for (const role of patientRoles(root)) {
    const patient = patientOf(role);
    const traits = patient ? traitsOf(patient) : {};
    for (const id of childrenNamed(role, 'id')) {
      const oid = id.attrs.root;
      // An INS OID without a value is a malformed INS; a null-flavoured id says "unknown" on purpose.
      if (!isInsOid(oid) || id.attrs.nullFlavor !== undefined) continue;
      const value = id.attrs.extension ?? '';
      const location = pathOf(id);
      appendAll(
        findings,
        checkIns(
          { value, oid, location, line: id.line },
          { sex: traits.sex, birthDate: traits.birthDate, birthplace: traits.birthplace },
        ),
      );
      if (value) identities.push({ ins: value, oid, ...traits, location });
    }
  }
  return { findings, identities };
}

function traitsOf(patient: XmlNode): Omit<PatientIdentity, 'ins' | 'oid'> {
  const name = firstChild(patient, 'name');
  const birthFamilyName = childrenNamed(name, 'family').find((family) => family.attrs.qualifier === 'BR')?.text;
  const firstBirthGivenName = childrenNamed(name, 'given').find((given) => given.attrs.qualifier === 'BR')?.text;
  const sex = descend(patient, 'administrativeGenderCode')?.attrs.code;
  const birthDate = descend(patient, 'birthTime')?.attrs.value?.slice(0, 8);
  const birthplace = descendAll(patient, 'birthplace/place/addr/county')[0]?.text;
  return definedOnly({ birthFamilyName, firstBirthGivenName, sex, birthDate, birthplace });
}
