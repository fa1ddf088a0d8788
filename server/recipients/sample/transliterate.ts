/**
 * Turning names in Turkish, Russian, Polish, Slovak and English into the ASCII that company
 * mail systems use for addresses (Şükrü Yılmaz → sukru.yilmaz, Ярослав Соловьёв →
 * yaroslav.solovev), and the feminine forms of Slavic surnames.
 */

/** The languages the sample people speak. */
export type SampleLanguage = 'tr' | 'ru' | 'pl' | 'sk' | 'en';

// Russian as mail administrators write it (not ICAO): й→y, ю→yu, я→ya, ё→e, soft/hard signs dropped.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Letters that Unicode decomposition does not reduce to a base letter plus accents.
const UNDECOMPOSABLE: Record<string, string> = { ı: 'i', ł: 'l', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd' };

/**
 * A name as lowercase ASCII: Cyrillic transliterated, diacritics removed (ş→s, ğ→g, ż→z, ľ→l),
 * hyphens kept, everything else (spaces, apostrophes) dropped.
 */
export function asciiName(name: string): string {
  // Lowercase with the root locale, then drop the combining dot that İ leaves behind (İ → i̇).
  const lower = name.toLowerCase();
  let out = '';
  for (const ch of lower) out += CYRILLIC[ch] ?? UNDECOMPOSABLE[ch] ?? ch;
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The local part of a person's address: `first.last` in ASCII. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return [asciiName(firstName), asciiName(lastName)].filter((part) => part !== '').join('.');
}

/** A DNS label from words: ASCII, lowercase, words joined by hyphens (`Karadeniz Gıda` → `karadeniz-gida`). */
export function domainLabel(words: string): string {
  return words
    .split(/[\s«»"'’.,]+/)
    .map(asciiName)
    .filter((word) => word !== '')
    .join('-')
    .slice(0, 63)
    .replace(/-$/, '');
}

/**
 * The surname a woman of the family carries. Russian -ов/-ев/-ин take -а and -ий becomes -ая;
 * Polish -ski/-cki/-dzki become -ska/-cka/-dzka; Slovak adjectives -ý/-y become -á/-a and other
 * Slovak names take -ová (dropping a final -a/-o). Anything else — Turkish, English, Russian
 * -ко, Polish Nowak — stays as it is.
 */
export function feminineSurname(language: SampleLanguage, male: string): string {
  switch (language) {
    case 'ru':
      if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
      if (/ий$/.test(male)) return `${male.slice(0, -2)}ая`;
      return male;
    case 'pl':
      return /(ski|cki|dzki)$/.test(male) ? `${male.slice(0, -1)}a` : male;
    case 'sk':
      if (male.endsWith('ý')) return `${male.slice(0, -1)}á`;
      if (male.endsWith('y')) return `${male.slice(0, -1)}a`;
      if (/[ao]$/.test(male)) return `${male.slice(0, -1)}ová`;
      return `${male}ová`;
    default:
      return male;
  }
}
