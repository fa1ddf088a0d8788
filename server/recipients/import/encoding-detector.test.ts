import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, readBom, resolveEncoding, sniffUtf16 } from './encoding-detector';
import { ImportError } from './import-error';
import { scoreText } from './text-scorer';

const TURKISH = 'Ad;Soyad\nŞükrü;Öztürk\nĞülşen;İnce\nÇağrı;Işık\n';
const RUSSIAN = 'Имя;Фамилия\nЯрослав;Дьяченко\nПётр;Иванов\n';
const POLISH = 'Imię;Nazwisko\nŻaneta;Gąsiorowska\nŁukasz;Wróbel\n';
const SLOVAK = 'Meno;Priezvisko\nĽubomír;Šťastný\nJán;Kováč\n';
const WESTERN = 'Name;City\nJürgen Müller;Köln\nFrançois Côté;Genève\n';

/** Detects the encoding of `text` encoded as `encoding` and returns it with the decoded text. */
function roundTrip(text: string, encoding: string) {
  const bytes = iconv.encode(text, encoding);
  const detected = detectEncoding(bytes, 'list.csv');
  return { detected: detected.encoding, text: iconv.decode(Buffer.from(bytes.subarray(detected.bomLength)), detected.encoding) };
}

function caught(action: () => unknown): ImportError {
  try {
    action();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('detectEncoding', () => {
  it.each([
    ['windows-1254', TURKISH],
    ['windows-1251', RUSSIAN],
    ['koi8-r', RUSSIAN],
    ['windows-1250', POLISH],
    ['windows-1250', SLOVAK],
    ['windows-1252', WESTERN],
  ])('recognises %s from a few names', (encoding, text) => {
    expect(roundTrip(text, encoding)).toEqual({ detected: encoding, text });
  });

  it.each([
    ['Turkish', 'windows-1254', 'Şükrü Öztürk\n'],
    ['Turkish dotted capital', 'windows-1254', 'Ğülşen İnce\n'],
    ['Russian', 'windows-1251', 'Ярослав Дьяченко\n'],
    ['Russian in KOI8-R', 'koi8-r', 'Ярослав Дьяченко\n'],
    ['Russian capitals', 'windows-1251', 'ЯРОСЛАВ ДЬЯЧЕНКО\n'],
    ['Russian, all letters also Latin-1 letters', 'windows-1251', 'Елена Лебедева\n'],
    ['Slovak in ISO-8859-2', 'iso-8859-2', 'Ján Kováč\n'],
    ['Polish', 'windows-1250', 'Żaneta Gąsiorowska\n'],
    ['Slovak', 'windows-1250', 'Ľubomír Šťastný\n'],
  ])('recognises a single %s name', (_label, encoding, text) => {
    expect(roundTrip(text, encoding).text).toBe(text);
  });

  it('reads ISO-8859-9 Turkish correctly (it decodes like Windows-1254)', () => {
    const result = roundTrip(TURKISH, 'iso-8859-9');
    expect(result.text).toBe(TURKISH);
    expect(['windows-1254', 'iso-8859-9']).toContain(result.detected);
  });

  it('reads UTF-8 with and without a BOM', () => {
    const text = TURKISH + RUSSIAN + POLISH + SLOVAK;
    expect(detectEncoding(Buffer.from(text, 'utf8'), 'a.csv')).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Buffer.from(`\ufeff${text}`, 'utf8'), 'a.csv')).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(roundTrip(RUSSIAN, 'utf-16le').detected).toBe('utf-16le');
    const le = iconv.encode(RUSSIAN, 'utf-16le', { addBOM: true });
    const be = iconv.encode(RUSSIAN, 'utf-16be', { addBOM: true });
    expect(detectEncoding(le, 'a.csv')).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(be, 'a.csv')).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(sniffUtf16(iconv.encode('Ad;Soyad\nAli;Veli\n', 'utf-16be'))).toBe('utf-16be');
    expect(readBom(Buffer.from('Ad;Soyad'))).toBeUndefined();
  });

  it('finds the evidence even when the first non-ASCII byte is far down a long file', () => {
    const ascii = 'Name;Mail\n' + 'Ali Veli;ali@firma.com.tr\n'.repeat(5000);
    expect(roundTrip(`${ascii}Şükrü Öztürk;sukru@firma.com.tr\n`, 'windows-1254').detected).toBe('windows-1254');
  });

  it('gives up with ENCODING_UNDETECTED and the line when nothing reads plausibly', () => {
    const bytes = Buffer.concat([Buffer.from('Ad;Soyad\nAli;Veli\nx'), Buffer.from([0x81, 0x83, 0x88]), Buffer.from('y;z\n')]);
    const error = caught(() => detectEncoding(bytes, 'garbled.csv'));
    expect(error.code).toBe('ENCODING_UNDETECTED');
    expect(error.details).toMatchObject({ fileName: 'garbled.csv', row: 3 });
    expect(error.message).toMatch(/^garbled\.csv, line 3: /);
  });
});

describe('resolveEncoding', () => {
  it('accepts the names users type and skips a matching BOM', () => {
    expect(resolveEncoding('CP1254', Buffer.from('a'), 'a.csv')).toEqual({ encoding: 'windows-1254', bomLength: 0 });
    expect(resolveEncoding('UTF8', Buffer.from('\ufeffa', 'utf8'), 'a.csv')).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(resolveEncoding('KOI8R', Buffer.from('a'), 'a.csv').encoding).toBe('koi8-r');
    expect(resolveEncoding('latin5', Buffer.from('a'), 'a.csv').encoding).toBe('latin5');
  });

  it('refuses an encoding it does not know', () => {
    const error = caught(() => resolveEncoding('klingon-8', Buffer.from('a'), 'a.csv'));
    expect(error.code).toBe('UNKNOWN_ENCODING');
    expect(error.details.encoding).toBe('klingon-8');
  });

  it('refuses UTF-8 for bytes that are not, pointing at the line', () => {
    const bytes = iconv.encode(TURKISH, 'windows-1254');
    const error = caught(() => resolveEncoding('utf-8', bytes, 'tr.csv'));
    expect(error.code).toBe('UNDECODABLE_TEXT');
    expect(error.details.row).toBe(2);
    expect(error.message).toContain('tr.csv, line 2');
  });
});

describe('scoreText', () => {
  it('prefers real words over case-swapped or foreign-letter decodings', () => {
    expect(scoreText('Ярослав', ['ru'])).toBeGreaterThan(scoreText('ъПНЯКЮБ', ['ru']));
    expect(scoreText('Şükrü', ['tr'])).toBeGreaterThan(scoreText('Ţükrü', ['pl', 'sk', 'cs', 'hu', 'de']));
    expect(scoreText('a\u0081b', ['de'])).toBe(-Infinity);
  });

  it('scores each word in its best language, so Western lists may mix origins', () => {
    expect(scoreText('José Núñez; Søren Kierkegaard; Ana João', ['de', 'fr', 'es', 'pt', 'it', 'nordic'])).toBeGreaterThan(0);
  });

  it('rejects Latin words with no ASCII letter: Russian read as Windows-1252', () => {
    expect(scoreText('Åëåíà Ëåáåäåâà', ['de', 'fr', 'es', 'pt', 'it', 'nordic'])).toBeLessThan(scoreText('Елена Лебедева', ['ru']));
  });

  it('reads a lone ı/ý (byte 0xFD) as Turkish, the commoner letter', () => {
    expect(scoreText('Aydın', ['tr'])).toBeGreaterThan(scoreText('Aydýn', ['pl', 'sk', 'cs', 'hu', 'de']));
  });
});
