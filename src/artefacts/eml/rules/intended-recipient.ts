// The IHE XDM submission set names its intended recipients (IHE ITI TF-3 §4.2.3.3.7,
// `intendedRecipient`, XTN `^^Internet^address`): an archive made for someone the message is not
// sent to was probably built for another message. A warning: the slot is optional and recipients
// may be added to a message.
import { RECIPIENT_HEADERS } from '../facts.js';
import { found, identifierSplit, type EmlRule } from './rule.js';

export const intendedRecipientRule: EmlRule = {
  code: 'eml/intended-recipient',
  severity: 'warning',
  description: 'Chaque destinataire prévu (intendedRecipient) de l’archive IHE_XDM jointe est un destinataire du message (IHE ITI TF-3 §4.2.3.3.7).',
  check(facts) {
    // A recipient header that could not be read (eml/address-format) leaves the recipients unknown.
    if (facts.addresses.some(({ field, list }) => (RECIPIENT_HEADERS as readonly string[]).includes(field.key) && !list.ok)) return [];
    const recipients = new Set(facts.recipients.map(({ mailbox }) => mailbox.address.toLowerCase()));
    return facts.xdm.flatMap(({ attachment, outcome }) =>
      outcome.intendedRecipients
        .filter((address) => !recipients.has(address.toLowerCase()))
        .map((address) => found(this, { attachment: attachment.label, ...identifierSplit(address) }, attachment.label)),
    );
  },
};
