// Address headers (From, To, Cc, Bcc, Reply-To, Sender) read by the RFC 5322 §3.4 grammar:
// `address-list = (mailbox / group) *("," address)`, a mailbox being `[display-name] <addr-spec>`
// or a bare `addr-spec`, with comments and folding whitespace anywhere between tokens and UTF-8 in
// atoms and quoted strings (RFC 6532). Checking this syntax is what the validator is for, so it
// is done here token by token rather than by a lenient parser that would accept what it cannot read.

export interface Mailbox {
  /** `local-part@domain`, as written (quoted local parts keep their quotes). */
  address: string;
  localPart: string;
  domain: string;
  /** Display name as written (encoded words not decoded). */
  name?: string;
}

export type AddressList = { ok: true; mailboxes: Mailbox[] } | { ok: false; segment: string };

/** `start`/`end`: code-point offsets in the header text (a failure quotes the text as written). */
type Token = { kind: 'atom' | 'quoted' | 'literal' | 'special'; text: string; start: number; end: number };

/** atext (RFC 5322 §3.2.3) plus UTF-8 (RFC 6532 §3.2). */
const ATEXT = /[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]/u;
const SPECIALS = '()<>[]:;@\\,."';

/** `text`: the header value decoded from its bytes (header-text.ts `rawHeaderText`). */
export function parseAddressList(text: string): AddressList {
  const chars = [...text];
  const tokens = tokenize(chars);
  if (!tokens) return { ok: false, segment: text.trim() };
  const failure = (slice: Token[]): AddressList => ({ ok: false, segment: slice.length === 0 ? '' : chars.slice(slice[0]!.start, slice.at(-1)!.end).join('') });
  const mailboxes: Mailbox[] = [];
  let position = 0;
  let start = 0;
  let inGroup = false;
  let groupStart = 0;
  // Each address runs to the next top-level comma (or the `;` closing a group).
  while (position <= tokens.length) {
    const token = tokens[position];
    const ends = token === undefined || (token.kind === 'special' && (token.text === ',' || (inGroup && token.text === ';')));
    if (token?.kind === 'special' && token.text === ':' && !inGroup && !tokens.slice(start, position).some(isAngle)) {
      // A group's display name: its members follow, up to `;`.
      if (!isPhrase(tokens.slice(start, position))) return failure(tokens.slice(start, position + 1));
      inGroup = true;
      groupStart = start;
      start = position + 1;
    } else if (ends) {
      const slice = tokens.slice(start, position);
      if (slice.length > 0) {
        const mailbox = parseMailbox(slice);
        if (!mailbox) return failure(slice);
        mailboxes.push(mailbox);
      } else if (token?.text === ',' && !inGroup) {
        // RFC 5322 §4.4 (obs-addr-list) tolerates empty list elements: nothing to read.
      }
      if (token?.text === ';') inGroup = false;
      start = position + 1;
    }
    position++;
  }
  if (inGroup) return failure(tokens.slice(groupStart));
  return { ok: true, mailboxes };
}

function isAngle(token: Token): boolean {
  return token.kind === 'special' && token.text === '<';
}

function parseMailbox(tokens: Token[]): Mailbox | undefined {
  const open = tokens.findIndex(isAngle);
  if (open < 0) return addrSpec(tokens);
  const close = tokens.length - 1;
  if (tokens[close]?.kind !== 'special' || tokens[close]!.text !== '>') return undefined;
  const name = tokens.slice(0, open);
  if (name.length > 0 && !isPhrase(name)) return undefined;
  const inner = addrSpec(tokens.slice(open + 1, close));
  if (!inner) return undefined;
  return name.length > 0 ? { ...inner, name: name.map((token) => token.text).join(' ') } : inner;
}

/** `local-part "@" domain`: dot-atom or quoted string, then dot-atom or domain literal. */
function addrSpec(tokens: Token[]): Mailbox | undefined {
  const at = tokens.findIndex((token) => token.kind === 'special' && token.text === '@');
  if (at <= 0 || at === tokens.length - 1) return undefined;
  const local = tokens.slice(0, at);
  const domain = tokens.slice(at + 1);
  const localPart = local.length === 1 && local[0]!.kind === 'quoted' ? `"${local[0]!.text}"` : dotAtom(local);
  const domainPart = domain.length === 1 && domain[0]!.kind === 'literal' ? `[${domain[0]!.text}]` : dotAtom(domain);
  if (localPart === undefined || domainPart === undefined) return undefined;
  return { address: `${localPart}@${domainPart}`, localPart, domain: domainPart };
}

/** `atom *("." atom)`, no empty atom. */
function dotAtom(tokens: Token[]): string | undefined {
  if (tokens.length % 2 === 0) return undefined;
  let text = '';
  for (const [index, token] of tokens.entries()) {
    const expected = index % 2 === 0 ? 'atom' : 'special';
    if (token.kind !== expected || (expected === 'special' && token.text !== '.')) return undefined;
    text += token.text;
  }
  return text;
}

/** A display name: words (atoms or quoted strings); obs-phrase also allows dots (RFC 5322 §4.1). */
function isPhrase(tokens: Token[]): boolean {
  return tokens.length > 0 && tokens.every((token) => token.kind === 'atom' || token.kind === 'quoted' || (token.kind === 'special' && token.text === '.'));
}

/** Tokens with comments and whitespace dropped; undefined on an unclosed quote, comment or literal, or a stray character. */
function tokenize(chars: string[]): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < chars.length) {
    const char = chars[index]!;
    const start = index;
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') index++;
    else if (char === '(') {
      let depth = 0;
      do {
        if (chars[index] === '\\') index++;
        else if (chars[index] === '(') depth++;
        else if (chars[index] === ')') depth--;
        index++;
      } while (depth > 0 && index < chars.length);
      if (depth > 0) return undefined;
    } else if (char === '"' || char === '[') {
      const close = char === '"' ? '"' : ']';
      let value = '';
      index++;
      while (index < chars.length && chars[index] !== close) {
        if (chars[index] === '\\') index++;
        value += chars[index] ?? '';
        index++;
      }
      if (index >= chars.length) return undefined;
      index++;
      tokens.push({ kind: char === '"' ? 'quoted' : 'literal', text: value, start, end: index });
    } else if (SPECIALS.includes(char)) {
      tokens.push({ kind: 'special', text: char, start, end: index + 1 });
      index++;
    } else if (ATEXT.test(char)) {
      let value = '';
      while (index < chars.length && ATEXT.test(chars[index]!)) value += chars[index++];
      tokens.push({ kind: 'atom', text: value, start, end: index });
    } else return undefined;
  }
  return tokens;
}
