// Character references found in REM cells exported from Squash TM. A small table is enough: the
// authoring tool only emits the common Latin-1 and typographic ones; unknown names stay as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ',
  ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë',
  igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ',
  ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', oelig: 'œ',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Auml: 'Ä', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Icirc: 'Î', Iuml: 'Ï',
  Ocirc: 'Ô', Ouml: 'Ö', OElig: 'Œ', Ugrave: 'Ù', Ucirc: 'Û', Uuml: 'Ü', Yuml: 'Ÿ',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', deg: '°', euro: '€',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±',
  ordm: 'º', ordf: 'ª', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
  shy: '', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwnj: '', zwj: '', lrm: '', rlm: '',
  iexcl: '¡', iquest: '¿', cent: '¢', pound: '£', yen: '¥', curren: '¤', micro: 'µ', larr: '←', rarr: '→',
};

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});/g;
/** Cells are sometimes escaped twice (`&amp;eacute;`): decode again while references remain. */
const MAX_PASSES = 3;

export function decodeHtmlEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES && current.includes('&'); pass++) {
    const next = current.replace(REFERENCE, decodeReference);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * What HTML reads for a reference to a C1 control, 0x80…0x9F (WHATWG HTML, "numeric character
 * reference end state" table: windows-1252). The five holes stay controls (replaced later). Written
 * out because Node 20's TextDecoder('windows-1252') returns these bytes as C1 controls.
 */
const C1_REFERENCES = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeReference(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // `&#146;` means ’ as in windows-1252, as HTML reads references to C1 controls (WHATWG HTML,
    // numeric character reference end state): text pasted from Word carries them.
    if (code >= 0x80 && code <= 0x9f) return C1_REFERENCES[code - 0x80]!;
    return isAllowedCodePoint(code) ? String.fromCodePoint(code) : whole;
  }
  return Object.hasOwn(NAMED, body) ? NAMED[body]! : whole;
}

function isAllowedCodePoint(code: number): boolean {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code === 0x09 || code === 0x0a || code === 0x0d || code >= 0x20;
}
