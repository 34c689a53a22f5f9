// RFC 5322 §3.6, table of fields: these appear at most once in a message.
import { found, headerName, type EmlRule } from './rule.js';

const SINGLE = ['date', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'message-id', 'in-reply-to', 'references', 'subject'];

export const duplicateHeaderRule: EmlRule = {
  code: 'eml/duplicate-header',
  severity: 'error',
  description: 'Les en-têtes Date, From, Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References et Subject figurent au plus une fois (RFC 5322 §3.6).',
  check(facts) {
    return SINGLE.filter((key) => facts.fields(key).length > 1).map((key) => found(this, { header: headerName(key), count: facts.fields(key).length }, headerName(key)));
  },
};
