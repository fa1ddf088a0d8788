/**
 * Scores a decoding of legacy-encoded bytes by how much it looks like real text in a language
 * the bytes' code page was made for. Single-byte code pages all decode every byte, so the only
 * way to tell Windows-1250 from 1254, or 1251 from KOI8-R, is to ask which result reads like
 * Polish, Turkish or Russian: letters of the language's alphabet score, foreign letters and
 * symbols wedged between letters cost, and so do shapes no real word has (a lower-case letter
 * followed by a capital, Latin and Cyrillic in one word, a Russian word starting with ъ/ь/ы, a
 * Latin word of four or more letters none of which is ASCII: Russian read as Windows-1252).
 *
 * Each word counts in the language that fits it best, since a list mixes names of several
 * origins. Letters weigh by how common they are in their language, which settles the one frequent
 * exact tie: byte 0xFD is Turkish ı in 1254 and Slovak/Czech ý in 1250, and ı is much the
 * commoner letter, so a lone "Aydın" reads as Turkish.
 */

/** Languages whose letters the scorer knows (nordic: Swedish, Danish, Norwegian, Finnish). */
export type Language = 'tr' | 'pl' | 'sk' | 'cs' | 'hu' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nordic' | 'ru' | 'uk';

const RU_LOWER = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const RU_COMMON = new Set('оеаинтсрвлкмдпуя');
const RU_RARE = new Set('ъщэфё');

/** Non-ASCII letters of each Latin-script language: common ones, less common ones, rare ones. */
const LATIN_LETTERS: Record<Exclude<Language, 'ru' | 'uk'>, [string, string, string]> = {
  tr: ['çğıöşü', '', 'âîû'],
  pl: ['ąćęłńóśż', 'ź', ''],
  sk: ['áíéčšžú', 'ýľťňôäď', 'ĺŕ'],
  cs: ['áíéčšžřě', 'ýťňďůú', ''],
  hu: ['áéíóöü', 'őúű', ''],
  de: ['äöüß', '', ''],
  fr: ['àâçèéêëîôù', 'ïûüœæÿ', ''],
  es: ['áéíñóú', 'ü', ''],
  pt: ['àáâãçéêíóôõú', '', ''],
  it: ['àèéìòù', 'íîóú', ''],
  nordic: ['äåæöø', 'éü', ''],
};
const TIER_WEIGHTS = [1, 0.8, 0.5];

/** Punctuation that real lists contain; decodings producing it are not penalised. */
const PLAUSIBLE_SYMBOLS = new Set('\u00a0\u202f«»„“”‘’‚–—…€№°§©®™•·₺₽′″');

const WEIGHTS = buildWeights();

function buildWeights(): Map<Language, Map<string, number>> {
  const weights = new Map<Language, Map<string, number>>();
  for (const [language, tiers] of Object.entries(LATIN_LETTERS)) {
    const letters = new Map<string, number>();
    tiers.forEach((lower, tier) => {
      for (const c of lower) {
        letters.set(c, TIER_WEIGHTS[tier]);
        letters.set(c === 'ı' ? 'I' : c === 'ß' ? 'ẞ' : c.toUpperCase(), TIER_WEIGHTS[tier]);
      }
    });
    if (language === 'tr') letters.set('İ', 1);
    weights.set(language as Language, letters);
  }
  const russian = new Map<string, number>();
  for (const c of RU_LOWER) {
    const weight = RU_COMMON.has(c) ? 1 : RU_RARE.has(c) ? 0.4 : 0.8;
    russian.set(c, weight);
    russian.set(c.toUpperCase(), weight);
  }
  const ukrainian = new Map(russian);
  for (const c of 'іїєґ') {
    ukrainian.set(c, 0.8);
    ukrainian.set(c.toUpperCase(), 0.8);
  }
  weights.set('ru', russian);
  weights.set('uk', ukrainian);
  return weights;
}

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isCyrillic(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0x0400 && code <= 0x04ff;
}

/** Penalty for the join between two adjacent letters, when at least one is non-ASCII. */
function scoreJoin(left: string, right: string): number {
  let penalty = 0;
  if (isLower(left) && isUpper(right)) penalty -= 2;
  if (isCyrillic(left) !== isCyrillic(right)) penalty -= 2;
  return penalty;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Penalty for a finished word: four or more Latin letters, none of them ASCII, is no real word. */
function scoreShape(length: number, nonAscii: number, latin: boolean): number {
  return length >= 4 && nonAscii === length && latin ? -1.5 * length : 0;
}

/** Running state of the word being read: its length and its score in each language. */
interface Word {
  length: number;
  nonAscii: number;
  latin: boolean;
  sums: number[];
}

/** The finished word's score in the language that fits it best (lists mix names of several). */
function closeWord(word: Word): number {
  const score = word.nonAscii > 0 ? Math.max(...word.sums) + scoreShape(word.length, word.nonAscii, word.latin) : 0;
  word.length = 0;
  word.nonAscii = 0;
  word.sums.fill(0);
  return score;
}

/**
 * Scores `text` (a decoding) word by word, each word in whichever of `languages` fits it best;
 * higher is better, -Infinity when the decoding contains C1 controls or U+FFFD (bytes the code
 * page does not define).
 */
export function scoreText(text: string, languages: readonly Language[]): number {
  const alphabets = languages.map((language) => WEIGHTS.get(language)!);
  const cyrillic = languages.map((language) => language === 'ru' || language === 'uk');
  const word: Word = { length: 0, nonAscii: 0, latin: false, sums: new Array<number>(languages.length).fill(0) };
  let total = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code < 0x80) {
      if (isAsciiLetter(code)) word.length++;
      else total += closeWord(word);
      continue;
    }
    if (code === 0xfffd || code <= 0x9f) return -Infinity;
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : ' ';
    const next = i + 1 < text.length ? text[i + 1] : ' ';
    if (isLetter(c)) {
      word.length++;
      word.nonAscii++;
      word.latin = !isCyrillic(c);
      for (let j = 0; j < alphabets.length; j++) {
        word.sums[j] += alphabets[j].get(c) ?? -1;
        if (cyrillic[j] && !isLetter(prev) && 'ъьыЪЬЫ'.includes(c)) word.sums[j] -= 2;
      }
      if (isLetter(prev)) total += scoreJoin(prev, c);
      if (next.charCodeAt(0) < 0x80 && isLetter(next)) total += scoreJoin(c, next);
      continue;
    }
    total += closeWord(word);
    if (PLAUSIBLE_SYMBOLS.has(c)) {
      total += 0.5;
    } else if (code >= 0x2500 && code <= 0x259f) {
      total -= isLetter(prev) || isLetter(next) ? 3 : 1; // KOI8-R's box drawing, never in a list
    } else if (isLetter(prev) || isLetter(next)) {
      total -= 2;
    }
  }
  return total;
}
