// Documents of health travel in an IHE XDM archive named IHE_XDM.ZIP (artefact-rules.md §5; Réf.
// socle MSSanté #2, ECO.2.1.1): an archive attached under another name is read, and said.
import { isXdmName } from '../facts.js';
import { found, type EmlRule } from './rule.js';

export const xdmAttachmentNameRule: EmlRule = {
  code: 'eml/xdm-attachment-name',
  severity: 'warning',
  description: 'Une archive IHE XDM est jointe sous le nom IHE_XDM.ZIP (artefact-rules.md §5 ; Réf. socle MSSanté #2, ECO.2.1.1).',
  check(facts) {
    return facts.xdm
      .filter(({ attachment }) => !isXdmName(attachment.name))
      .map(({ attachment }) => found(this, { attachment: attachment.label }, attachment.label));
  },
};
