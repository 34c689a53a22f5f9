// The one registry of message rules, in report order: RFC 5322 headers, MIME parts and charsets,
// attachments, then the MSSanté conventions (Réf. socle MSSanté #2). Structure problems that stop
// the reading (limits, not a message) are decided before: see EML_STRUCTURE_CODES in ../validator.ts.
import type { EmlRule } from './rule.js';
import { missingHeaderRule } from './missing-header.js';
import { missingRecommendedHeaderRule } from './missing-recommended-header.js';
import { duplicateHeaderRule } from './duplicate-header.js';
import { dateFormatRule } from './date-format.js';
import { addressFormatRule } from './address-format.js';
import { messageIdFormatRule } from './message-id-format.js';
import { headerEncodingRule } from './header-encoding.js';
import { headerCharsetRule } from './header-charset.js';
import { transferEncodingRule } from './transfer-encoding.js';
import { textInvalidBytesRule } from './text-invalid-bytes.js';
import { textNotUtf8Rule } from './text-not-utf8.js';
import { textUnknownCharsetRule } from './text-unknown-charset.js';
import { xdmAttachmentNameRule } from './xdm-attachment-name.js';
import { attachmentContentTypeRule } from './attachment-content-type.js';
import { xMssCodeCdaRule } from './x-mss-codecda.js';
import { xMssCodeCdaMissingRule } from './x-mss-codecda-missing.js';
import { xMssCodeCdaUnexpectedRule } from './x-mss-codecda-unexpected.js';
import { xMssInsRule } from './x-mss-ins.js';
import { xMssInsMissingRule } from './x-mss-ins-missing.js';
import { xMssInsUnexpectedRule } from './x-mss-ins-unexpected.js';
import { xMssNilMissingRule } from './x-mss-nil-missing.js';
import { xMssMesRule } from './x-mss-mes.js';
import { xMssMesNoPatientRule } from './x-mss-mes-no-patient.js';
import { patientAddressRule } from './patient-address.js';
import { patientAddressInsRule } from './patient-address-ins.js';
import { intendedRecipientRule } from './intended-recipient.js';

export const EML_RULES: readonly EmlRule[] = [
  missingHeaderRule,
  missingRecommendedHeaderRule,
  duplicateHeaderRule,
  dateFormatRule,
  addressFormatRule,
  messageIdFormatRule,
  headerEncodingRule,
  headerCharsetRule,
  transferEncodingRule,
  textInvalidBytesRule,
  textNotUtf8Rule,
  textUnknownCharsetRule,
  xdmAttachmentNameRule,
  attachmentContentTypeRule,
  xMssCodeCdaRule,
  xMssCodeCdaMissingRule,
  xMssCodeCdaUnexpectedRule,
  xMssInsRule,
  xMssInsMissingRule,
  xMssInsUnexpectedRule,
  xMssNilMissingRule,
  xMssMesRule,
  xMssMesNoPatientRule,
  patientAddressRule,
  patientAddressInsRule,
  intendedRecipientRule,
];
