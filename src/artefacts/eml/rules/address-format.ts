// RFC 5322 §3.4 (RFC 6532 for UTF-8): every address header is a list of mailboxes or groups, each
// mailbox `[display-name] <local-part@domain>` or a bare `local-part@domain`.
import { found, identifierSplit, type EmlRule } from './rule.js';

export const addressFormatRule: EmlRule = {
  code: 'eml/address-format',
  severity: 'error',
  description: 'Les en-têtes d’adresses (From, Sender, Reply-To, To, Cc, Bcc) suivent la grammaire address-list de RFC 5322 §3.4.',
  check(facts) {
    return facts.addresses.flatMap(({ field, list }) => {
      if (list.ok && (list.mailboxes.length > 0 || field.key === 'bcc')) return [];
      // The address may be a patient mailbox: its INS goes in the masked argument.
      return [found(this, { header: field.name, ...identifierSplit(list.ok ? '' : list.segment) }, field.name)];
    });
  },
};
