// The Content-Type of an attachment says what it is (RFC 2045 §5): an IHE XDM archive is sent as
// application/zip (IHE ITI XDM, « ZIP over e-mail »); a PDF, zip or XML attachment is not declared
// as another specific type. application/octet-stream (« some bytes ») is accepted but for IHE_XDM.ZIP.
import { found, type EmlRule } from './rule.js';

/** Types that fit a sniffed format (bundle/sniff.ts names). */
const FITTING: ReadonlyArray<{ format: RegExp; types: string[] }> = [
  { format: /^ZIP IHE_XDM$/, types: ['application/zip'] },
  { format: /^PDF$/, types: ['application/pdf'] },
  { format: /^ZIP$/, types: ['application/zip', 'application/x-zip-compressed'] },
  { format: /^XML /, types: ['application/xml', 'text/xml'] },
];

export const attachmentContentTypeRule: EmlRule = {
  code: 'eml/attachment-content-type',
  severity: 'warning',
  description: 'Le type MIME d’une pièce jointe correspond à son contenu ; IHE_XDM.ZIP est en application/zip (IHE ITI XDM, envoi par messagerie).',
  check(facts) {
    return facts.attachments.flatMap((attachment) => {
      const fitting = FITTING.find(({ format }) => attachment.format !== undefined && format.test(attachment.format));
      if (!fitting || fitting.types.includes(attachment.contentType)) return [];
      if (attachment.contentType === 'application/octet-stream' && attachment.format !== 'ZIP IHE_XDM') return [];
      return [found(this, { attachment: attachment.label, declared: attachment.contentType, format: attachment.format!, expected: fitting.types[0]! }, attachment.label)];
    });
  },
};
