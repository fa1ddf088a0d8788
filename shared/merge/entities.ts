// The named character references that turn up in mail bodies written by Outlook, Word, Gmail and
// hand-written HTML: markup, spacing, typography, currency and the Latin letters of the languages
// the product is used in. An unknown name is left as written, as a browser would show it.
const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad', lrm: '\u200e', rlm: '\u200f',
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c',
  rdquo: '\u201d', bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  hellip: '\u2026', bull: '\u2022', middot: '\u00b7', prime: '\u2032', Prime: '\u2033', dagger: '\u2020',
  Dagger: '\u2021', permil: '\u2030', trade: '\u2122', copy: '\u00a9', reg: '\u00ae', sect: '\u00a7',
  para: '\u00b6', deg: '\u00b0', plusmn: '\u00b1', times: '\u00d7', divide: '\u00f7', minus: '\u2212',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3',
  micro: '\u00b5', iexcl: '\u00a1', iquest: '\u00bf', cent: '\u00a2', pound: '\u00a3', yen: '\u00a5',
  euro: '\u20ac', curren: '\u00a4', brvbar: '\u00a6', uml: '\u00a8', ordf: '\u00aa', ordm: '\u00ba',
  not: '\u00ac', macr: '\u00af', acute: '\u00b4', cedil: '\u00b8', larr: '\u2190', rarr: '\u2192',
  uarr: '\u2191', darr: '\u2193', harr: '\u2194', check: '\u2713', hearts: '\u2665', star: '\u2606',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  eth: 'ð', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ', OElig: 'Œ',
  oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', Gbreve: 'Ğ', gbreve: 'ğ', Idot: 'İ', imath: 'ı',
  inodot: 'ı', Scedil: 'Ş', scedil: 'ş', Ccaron: 'Č', ccaron: 'č', Dcaron: 'Ď', dcaron: 'ď',
  Ecaron: 'Ě', ecaron: 'ě', Lcaron: 'Ľ', lcaron: 'ľ', Lacute: 'Ĺ', lacute: 'ĺ', Ncaron: 'Ň',
  ncaron: 'ň', Racute: 'Ŕ', racute: 'ŕ', Rcaron: 'Ř', rcaron: 'ř', Tcaron: 'Ť', tcaron: 'ť',
  Uring: 'Ů', uring: 'ů', Zcaron: 'Ž', zcaron: 'ž', Aogon: 'Ą', aogon: 'ą', Cacute: 'Ć', cacute: 'ć',
  Eogon: 'Ę', eogon: 'ę', Lstrok: 'Ł', lstrok: 'ł', Nacute: 'Ń', nacute: 'ń', Sacute: 'Ś',
  sacute: 'ś', Zacute: 'Ź', zacute: 'ź', Zdot: 'Ż', zdot: 'ż', Odblac: 'Ő', odblac: 'ő',
  Udblac: 'Ű', udblac: 'ű', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', pi: 'π', mu: 'μ', Omega: 'Ω',
};

const namedMap = new Map(Object.entries(named));

/** Decodes HTML character references (named, decimal and hexadecimal) in a run of text. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 2);
    // References are short; a far-away ";" means this "&" is just an ampersand.
    if (semi === -1) break;
    let decoded: string | undefined;
    for (const [body, value] of common) {
      if (text.startsWith(body, amp + 1)) {
        decoded = value;
        break;
      }
    }
    if (decoded === undefined && semi - amp <= 33) decoded = decodeReference(text.slice(amp + 1, semi));
    if (decoded !== undefined) {
      out += text.slice(last, amp) + decoded;
      last = semi + 1;
    }
    amp = text.indexOf('&', decoded !== undefined ? semi + 1 : amp + 1);
  }
  return last === 0 ? text : out + text.slice(last);
}

// What mustache's escaping produces, checked in place before anything is allocated.
const common: Array<[string, string]> = [
  ['amp;', '&'], ['lt;', '<'], ['gt;', '>'], ['quot;', '"'], ['#39;', "'"], ['#x2F;', '/'], ['#x60;', '`'],
  ['#x3D;', '='], ['nbsp;', '\u00a0'],
];

// The body of a reference between "&" and ";", or undefined when it is not one we know.
function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) !== 35) return namedMap.get(body); // not "#"
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  // NUL, lone surrogates and values past Unicode are what browsers show as the replacement character.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
