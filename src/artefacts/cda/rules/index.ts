// The one registry of CDA header rules (artefact-rules.md section 1), in the document's order.
// Rule 24 (DOCTYPE, entities) is enforced by the safe reader: see read-findings.ts.
import type { CdaRule } from './rule.js';
import { typeIdRule } from './type-id.js';
import { classMoodRule } from './class-mood.js';
import { realmCodeRule } from './realm-code.js';
import { templateIdsRule } from './template-ids.js';
import { level1BodyRule } from './level1-body.js';
import { documentIdRule } from './document-id.js';
import { documentCodeRule } from './document-code.js';
import { titleRule } from './title.js';
import { effectiveTimeRule } from './effective-time.js';
import { confidentialityCodeRule } from './confidentiality-code.js';
import { languageCodeRule } from './language-code.js';
import { setIdVersionRule } from './set-id-version.js';
import { recordTargetRule } from './record-target.js';
import { insTraitsRule } from './ins-traits.js';
import { patientNameRule } from './patient-name.js';
import { patientDemographicsRule } from './patient-demographics.js';
import { addrTelecomRule } from './addr-telecom.js';
import { authorRule } from './author.js';
import { custodianRule } from './custodian.js';
import { legalAuthenticatorRule } from './legal-authenticator.js';
import { serviceEventRule } from './service-event.js';
import { encompassingEncounterRule } from './encompassing-encounter.js';
import { headerCardinalityRule } from './header-cardinality.js';

export const CDA_RULES: readonly CdaRule[] = [
  typeIdRule,
  classMoodRule,
  realmCodeRule,
  templateIdsRule,
  level1BodyRule,
  documentIdRule,
  documentCodeRule,
  titleRule,
  effectiveTimeRule,
  confidentialityCodeRule,
  languageCodeRule,
  setIdVersionRule,
  recordTargetRule,
  insTraitsRule,
  patientNameRule,
  patientDemographicsRule,
  addrTelecomRule,
  authorRule,
  custodianRule,
  legalAuthenticatorRule,
  serviceEventRule,
  encompassingEncounterRule,
  headerCardinalityRule,
];

export type { CdaRule };
