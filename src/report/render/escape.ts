// Escaping for the text formats. REM statements, file names and finding messages come from the
// user's inputs: they may hold markup, control characters or lone surrogates, and must never be
// able to change the structure of a report.

/** Characters XML 1.0 cannot hold at all (even escaped): C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces what XML cannot carry with U+FFFD so the document stays well-formed. */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in XML and HTML text and in double- or single-quoted attribute values. */
export function escapeMarkup(text: string): string {
  return stripXmlInvalid(text).replace(/[&<>"']/g, (char) => MARKUP_ENTITIES[char]!);
}

/**
 * Inline Markdown (GitHub flavour, where raw HTML is rendered): markup is neutralised as entities and
 * the punctuation that opens emphasis, code, links, tables or strike-through is backslash-escaped;
 * line breaks become spaces so that a table row stays one row.
 */
export function escapeMarkdownInline(text: string): string {
  return stripXmlInvalid(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>]/g, (char) => MARKUP_ENTITIES[char]!)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/^[-+=#>]/, (char) => `\\${char}`); // at the start, these would open a list, heading or quote
}

/**
 * Terminal text: file names, REM texts and artefact values come from untrusted inputs, so control
 * characters (an ESC starting a terminal escape sequence, a NUL) are shown as `\xNN`, never sent.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
