import { describe, expect, it } from 'vitest';
import { guessEmailColumn } from './email-column-guesser';
import { isDateHeader, isEmailHeader, isPhoneHeader } from './header-vocabulary';

describe('isEmailHeader', () => {
  it.each(['Email', 'E-mail', 'E-MAIL', 'e_mail', 'Mail', 'E-posta', 'EPOSTA ADRESİ', 'e-posta adresi', 'Почта', 'Эл. почта',
    'Адрес электронной почты', 'Email-адрес', 'Adres e-mail', 'E-mailová adresa', 'Służbowy e-mail'])('knows %s', (name) => {
    expect(isEmailHeader(name)).toBe(true);
  });

  it.each(['Ad Soyad', 'Почтовый индекс', 'Adres', 'Telefon', 'Şehir'])('does not take %s', (name) => {
    expect(isEmailHeader(name)).toBe(false);
  });
});

describe('other header words', () => {
  it('recognises date and phone names in each language', () => {
    for (const name of ['DOĞUM TARİHİ', 'İşe Giriş Tarihi', 'Дата рождения', 'Data urodzenia', 'Dátum narodenia', 'Birth date', 'hire_date']) {
      expect(isDateHeader(name)).toBe(true);
    }
    for (const name of ['Cep Telefonu', 'GSM', 'Телефон', 'Tel.', 'Komórka', 'Mobile phone', 'Telefónne číslo']) {
      expect(isPhoneHeader(name)).toBe(true);
    }
    expect(isDateHeader('Ad Soyad')).toBe(false);
    expect(isPhoneHeader('Otel')).toBe(false);
  });
});

describe('guessEmailColumn', () => {
  it('prefers an e-mail name whose values are addresses', () => {
    expect(guessEmailColumn([
      { name: 'Yedek', emailShare: 1, filled: 10 },
      { name: 'E-posta', emailShare: 0.8, filled: 10 },
    ])).toBe('E-posta');
  });

  it('skips an e-mail-named column of something else, taking the column of addresses', () => {
    expect(guessEmailColumn([
      { name: 'Mail gönderildi', emailShare: 0, filled: 10 },
      { name: 'İletişim', emailShare: 0.9, filled: 10 },
    ])).toBe('İletişim');
  });

  it('falls back to an empty e-mail-named column, else nothing', () => {
    expect(guessEmailColumn([{ name: 'Ad', emailShare: 0, filled: 3 }, { name: 'E-mail', emailShare: 0, filled: 0 }])).toBe('E-mail');
    expect(guessEmailColumn([{ name: 'Ad', emailShare: 0.2, filled: 3 }, { name: 'Mail', emailShare: 0, filled: 3 }])).toBeUndefined();
  });
});
