// The one registry of XDM document-entry rules (artefact-rules.md section 3, points 1-4), in the
// order of the section. Archive-level problems (limits, layout, unreadable metadata) are decided
// before any entry is checked: see ARCHIVE_CODES in ../validator.ts.
import type { XdmEntryRule } from './rule.js';
import { hashRule } from './hash.js';
import { sizeRule } from './size.js';
import { uniqueIdRule } from './unique-id.js';
import { patientIdRule } from './patient-id.js';
import { typeCodeRule } from './type-code.js';
import { confidentialityCodeRule } from './confidentiality-code.js';
import { languageCodeRule } from './language-code.js';
import { titleRule } from './title.js';
import { creationTimeRule } from './creation-time.js';
import { serviceTimeRule } from './service-time.js';
import { authorRule } from './author.js';

export const XDM_RULES: readonly XdmEntryRule[] = [
  hashRule,
  sizeRule,
  uniqueIdRule,
  patientIdRule,
  typeCodeRule,
  confidentialityCodeRule,
  languageCodeRule,
  titleRule,
  creationTimeRule,
  serviceTimeRule,
  authorRule,
];
