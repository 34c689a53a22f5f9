// Cell text as a reader means it. Squash TM exports carry HTML (`<p>`, `<br/>`, lists, `<strong>`…)
// and character references, sometimes escaped twice: it becomes plain text with its paragraphs as
// lines and list items as "- " (or "3. ") lines. The markup is never rendered, only read.
//
// Every pattern here runs in time linear in the cell's length (a cell may hold 32,767 characters of
// anything): a tag never spans a `<`, and comments are cut by a plain scan, not by a lazy pattern
// that would rescan the rest of the text from each unterminated `<!--`.
import { decodeHtmlEntities } from './html-entities.js';
import { withoutControlCharacters } from './xlsx/pasted-text.js';

const HTML_TAG = /<\/?(?:p|br|div|span|strong|b|i|em|u|s|ul|ol|li|a|font|sub|sup|h[1-6]|table|thead|tbody|tr|td|th|blockquote|pre|code|hr)\b[^<>]*>/i;
const ANY_TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>/g;
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre', 'hr', 'thead', 'tbody']);

/** Plain text of a cell; character references decoded, control characters they name replaced too. */
export function cleanCellText(raw: string): string {
  if (raw === '') return '';
  const text = raw.replace(/\r\n?/g, '\n');
  return HTML_TAG.test(text) ? htmlToText(withoutComments(text)) : plainText(text);
}

/** `html` without its `<!-- … -->` comments (an unterminated one runs to the end, as in browsers). */
function withoutComments(html: string): string {
  let start = html.indexOf('<!--');
  if (start < 0) return html;
  let kept = '';
  let from = 0;
  while (start >= 0) {
    kept += html.slice(from, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return kept;
    from = end + 3;
    start = html.indexOf('<!--', from);
  }
  return kept + html.slice(from);
}

/** An identifier cell (ID, N° scénario, N° preuve): one line, no markup. */
export function cleanIdentifier(raw: string): string {
  return cleanCellText(raw).replace(/\s+/g, ' ').trim();
}

function plainText(text: string): string {
  return withoutControlCharacters(decodeHtmlEntities(text))
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

interface ListState {
  ordered: boolean;
  next: number;
}

function htmlToText(html: string): string {
  const lines: string[] = [];
  const lists: ListState[] = [];
  let prefix = '';
  let buffer = '';

  // Ends the current line. A list marker waiting for its text (`<li><p>…`) stays pending.
  const flush = (): boolean => {
    const line = withoutControlCharacters(decodeHtmlEntities(buffer)).replace(/[\s\u00a0]+/g, ' ').trim();
    buffer = '';
    if (line === '') return false;
    lines.push(prefix + line);
    prefix = '';
    return true;
  };

  let last = 0;
  for (const match of html.matchAll(ANY_TAG)) {
    buffer += html.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[2]!.toLowerCase();
    const closing = match[1] === '/';
    if (name === 'br') {
      const marker = prefix;
      // A line break inside a list item continues the item, aligned under its text.
      if (flush() && lists.length > 0 && marker !== '') prefix = ' '.repeat(marker.length);
    } else if (name === 'ul' || name === 'ol') {
      flush();
      prefix = '';
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', next: listStart(match[3] ?? '') });
    } else if (name === 'li') {
      flush();
      prefix = '';
      if (!closing) {
        const list = lists.at(-1);
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        prefix = indent + (list?.ordered ? `${list.next++}. ` : '- ');
      }
    } else if (name === 'td' || name === 'th') {
      buffer += ' ';
    } else if (BLOCK_TAGS.has(name)) {
      flush();
    }
  }
  buffer += html.slice(last);
  flush();
  return lines.join('\n');
}

function listStart(attributes: string): number {
  const start = /\bstart\s*=\s*["']?(\d{1,6})/i.exec(attributes);
  return start ? Number(start[1]) : 1;
}
