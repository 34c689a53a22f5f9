// saxes explains well-formedness faults in English (`unclosed tag: title`): the common ones are mapped
// to our own wording (`xml/…` keys in src/messages/{fr,en}/xml-read.ts), with the names they quote.
// An unknown message keeps saxes's text as the fallback (`{detail}`, src/messages/index.ts).
import type { MessageArgs } from '../../messages/index.js';

const REASONS: [pattern: RegExp, code: string, names?: string[]][] = [
  [/^text data outside of root node$/, 'xml/text-outside-root'],
  [/^unmatched closing tag: (.+)$/, 'xml/unmatched-closing-tag', ['xmlName']],
  [/^unclosed tag: (.+)$/, 'xml/unclosed-tag', ['xmlName']],
  [/^unexpected close tag$/, 'xml/unexpected-close-tag'],
  [/^undefined entity$/, 'xml/undefined-entity'],
  [/^(?:disallowed character in entity name|empty entity name)$/, 'xml/bad-entity-name'],
  [/^malformed character entity$/, 'xml/bad-character-reference'],
  // Not saxes's own: read-xml.ts words a bare `&` in saxes's style (the first fault, not the one saxes meets later).
  [/^"&" not followed by an entity or character reference/, 'xml/bare-ampersand'],
  [/^disallowed character$/, 'xml/disallowed-character'],
  [/^(?:disallowed character in (?:tag name|closing tag|attribute name|processing instruction name)|malformed name: .+)$/, 'xml/bad-name'],
  [/^unbound namespace prefix: "(.*)"$/, 'xml/unbound-prefix', ['xmlPrefix']],
  [/^duplicate attribute: (.+)$/, 'xml/duplicate-attribute', ['xmlName']],
  [/^(?:attribute without value|value required|unquoted attribute value|value must be quoted)$/, 'xml/bad-attribute'],
  [/^no whitespace between attributes$/, 'xml/bad-attribute'],
  [/^documents may contain only one root$/, 'xml/second-root'],
  [/^document must contain a root element$/, 'xml/no-root'],
  [/^unexpected end$/, 'xml/unexpected-end'],
  [/^malformed comment$/, 'xml/bad-comment'],
  [/^(?:XML declaration is incomplete|XML declaration must contain a version|version number must match .*|expected .*|did not expect any more name\/value pairs|The character \? is disallowed anywhere in XML declarations)$/, 'xml/bad-declaration'],
  [/^(?:the XML declaration must appear at the start of the document|an XML declaration must be at the start of the document)$/, 'xml/late-declaration'],
  [/^inappropriately located doctype declaration$/, 'xml/misplaced-doctype'],
  [/^forward-slash in opening tag not followed by >$/, 'xml/bad-empty-tag'],
];

/** `{ detail, detailCode, …names }` for saxes's reason (already stripped of its `line:column:` prefix). */
export function saxesReason(reason: string): MessageArgs {
  for (const [pattern, code, names = []] of REASONS) {
    const match = pattern.exec(reason);
    if (!match) continue;
    const args: MessageArgs = { detail: reason, detailCode: code };
    names.forEach((name, index) => {
      args[name] = match[index + 1];
    });
    return args;
  }
  return { detail: reason };
}
