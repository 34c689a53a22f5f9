// Escaping for the text formats. REM statements, file names and finding messages come from the
// user's inputs: they may hold markup, control characters or lone surrogates, and must never be
// able to change the structure of a report.

/**
 * Characters that change how a terminal or a viewer shows text instead of being shown: C0 controls
 * but tab, LF and CR (ESC starts terminal sequences; NUL, BEL…), DEL, the C1 controls (U+0080–U+009F:
 * CSI, NEL), and the Unicode bidirectional controls — marks, embeddings, overrides, isolates, the
 * Arabic letter mark (UAX #9 §2) — which show text in another order than it is stored ("Trojan
 * Source", CVE-2021-42574) — and the Unicode line and paragraph separators U+2028/U+2029 (a line
 * break in some viewers, none in others, and a line end in JavaScript before ES2019). LF and CR are left to each format (a line end in one, a space or an
 * escape in another). The one list every output goes through.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/g;

/** `\x1b`, `\x85`, `\u202e`: the character named, in a form no terminal or viewer acts on. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every control and bidi character of `text` shown as an escape (`\x1b`, `\u202e`); LF, CR and tab kept. */
export function neutraliseControls(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * JSON text of `value` (2-space indent, final LF) whose bytes hold no control or bidi character:
 * JSON.stringify escapes C0 controls but writes DEL, C1 and bidi controls raw; they are written
 * `\u….` here, so a parser reads the exact value back and a terminal or viewer shows nothing odd.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}

/** Characters XML 1.0 cannot hold at all (even escaped): C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces what XML cannot carry with U+FFFD so the document stays well-formed. */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

/**
 * Safe in XML and HTML text and in double- or single-quoted attribute values; a CR is written as a
 * character reference (the parser reads it back, no raw CR reaches a terminal showing the file).
 */
export function escapeMarkup(text: string): string {
  return stripXmlInvalid(neutraliseControls(text)).replace(/[&<>"'\r]/g, (char) => MARKUP_ENTITIES[char]!);
}

/** Text inside a Markdown code span: one line, no backtick to close it early, controls shown as escapes. */
export function escapeMarkdownCode(text: string): string {
  return stripXmlInvalid(neutraliseControls(text)).replace(/\r\n?|\n/g, ' ').replace(/`/g, "'");
}

/**
 * Inline Markdown (GitHub flavour, where raw HTML is rendered): markup is neutralised as entities and
 * the punctuation that opens emphasis, code, links, tables or strike-through is backslash-escaped;
 * line breaks become spaces so that a table row stays one row.
 */
export function escapeMarkdownInline(text: string): string {
  return stripXmlInvalid(neutraliseControls(text))
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>]/g, (char) => MARKUP_ENTITIES[char]!)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/^[-+=#>]/, (char) => `\\${char}`); // at the start, these would open a list, heading or quote
}

/**
 * Terminal text: file names, REM texts and artefact values come from untrusted inputs, so control
 * and bidi characters (an ESC starting a terminal escape sequence, a NUL, a right-to-left override)
 * and line ends are shown as `\xNN` / `\uNNNN`, never sent.
 */
export function printable(text: string): string {
  return neutraliseControls(text).replace(/[\n\r]/g, visible);
}
