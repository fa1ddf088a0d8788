/**
 * What a column's name announces, in the languages of our users (Turkish, Russian, Polish,
 * Slovak, English). Names only ever tip a decision the values leave open: whole numbers in a
 * "Doğum tarihi" column are Excel serial dates, digit strings under "Telefon" are phones, and
 * "E-posta" is the first place to look for recipients' addresses.
 */

/**
 * Lower-cases a name the way a Turkish or Slavic user would read it: "TARİHİ" lower-cases to
 * "tari̇hi̇" (with a combining dot) in JavaScript, so the dot goes and ı counts as i.
 */
export function foldCase(name: string): string {
  return name.toLowerCase().replace(/\u0307/g, '').replace(/ı/g, 'i');
}

function tokens(name: string): string[] {
  return foldCase(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const DATE_WORDS = [
  'date', 'dob', 'birth', 'birthday', 'born', 'hired', 'joined', 'datum', 'geburtstag',
  'tarih', 'tarihi', 'doğum', 'dogum', 'günü', 'gunu',
  'дата', 'рождения', 'рожд', 'приема', 'приёма', 'увольнения',
  'data', 'urodzenia', 'zatrudnienia', 'dátum', 'narodenia', 'nástupu', 'narodeniny',
];

const PHONE_WORDS = [
  'phone', 'tel', 'telephone', 'mobile', 'cell', 'gsm', 'fax', 'cep', 'telefon', 'telefonu', 'mobil', 'mobilny',
  'komórka', 'komorka', 'komórkowy', 'телефон', 'тел', 'мобильный', 'сотовый', 'моб',
];

const EMAIL_STEMS = /mail|eposta|почта|почты|мейл|майл|мэйл/;

/** Whether a column name announces dates (and so whole numbers in it may be Excel serials). */
export function isDateHeader(name: string): boolean {
  return tokens(name).some((token) => DATE_WORDS.includes(token) || token.endsWith('date') || token.startsWith('дата'));
}

/** Whether a column name announces telephone numbers. */
export function isPhoneHeader(name: string): boolean {
  return tokens(name).some((token) => PHONE_WORDS.includes(token)
    || token.startsWith('telef') || token.startsWith('phone') || token.startsWith('телефон'));
}

/**
 * Whether a column name means an e-mail address: email, e-mail, E-Mail-Adresse, mail, e-posta,
 * eposta adresi, почта, эл. почта, email-адрес, adres e-mail, e-mailová adresa.
 */
export function isEmailHeader(name: string): boolean {
  return EMAIL_STEMS.test(foldCase(name).replace(/[^\p{L}\p{N}]+/gu, ''));
}
