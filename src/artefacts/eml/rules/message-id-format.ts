// RFC 5322 §3.6.4: `msg-id = "<" id-left "@" id-right ">"`.
import { isMessageId } from '../header-formats.js';
import { found, type EmlRule } from './rule.js';

export const messageIdFormatRule: EmlRule = {
  code: 'eml/message-id-format',
  severity: 'warning',
  description: 'En-tête Message-ID de la forme <partie-gauche@partie-droite> (RFC 5322 §3.6.4).',
  check(facts) {
    return facts.fields('message-id').flatMap((field) => {
      const text = facts.text(field);
      return text.ok && !isMessageId(text.text) ? [found(this, { value: text.text }, 'Message-ID')] : [];
    });
  },
};
