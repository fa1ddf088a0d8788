import { describe, expect, it } from 'vitest';
import { profileColumn } from './type-inferrer';
import type { RawCell } from './types';

/** Profiles one column made of `values` under the header `name`. */
function profile(name: string, values: RawCell[], date1904 = false) {
  const rows = values.map((value, i) => ({ line: i + 2, cells: [value] }));
  return profileColumn(name, rows, 0, date1904);
}

describe('profileColumn', () => {
  it.each([
    ['evet/hayır', ['Evet', 'HAYIR', 'evet', 'hayır']],
    ['да/нет', ['да', 'Нет', 'ДА']],
    ['tak/nie', ['Tak', 'nie']],
    ['áno/nie', ['áno', 'Nie', 'ÁNO']],
    ['yes/no', ['yes', 'No']],
    ['true/false', ['TRUE', 'false']],
  ])('infers boolean from %s', (_label, values) => {
    expect(profile('Aktif', values).inferred).toBe('boolean');
  });

  it('infers dates in every accepted notation, with the impossible ones left to conversion', () => {
    expect(profile('Doğum tarihi', ['12.03.1985', '1.4.1990', '31.02.2026']).inferred).toBe('date');
    expect(profile('x', ['1985-03-12', '1990-04-01']).inferred).toBe('date');
    expect(profile('x', ['12-03-1985', '01-04-1990']).inferred).toBe('date');
    expect(profile('x', [new Date(Date.UTC(1985, 2, 12))]).inferred).toBe('date');
  });

  it('decides the slash order per column', () => {
    expect(profile('x', ['03/04/2026', '12/25/2026']).plan.slashOrder).toBe('mdy');
    expect(profile('x', ['03/04/2026', '25/12/2026']).plan.slashOrder).toBe('dmy');
    expect(profile('x', ['03/04/2026', '05/06/2026']).plan.slashOrder).toBe('dmy');
  });

  it('takes whole numbers for Excel serial dates only under a date-like name', () => {
    expect(profile('Doğum Tarihi', ['31120', '32000', 33000]).inferred).toBe('date');
    expect(profile('Дата приема', [45000, 45100]).inferred).toBe('date');
    expect(profile('Maaş', ['31120', '32000']).inferred).toBe('number');
    expect(profile('Doğum yılı', ['1985', '1990']).inferred).toBe('number');
  });

  it('infers numbers in each convention and finds the column decimal mark', () => {
    const turkish = profile('Maaş', ['12.500,50', '8.750', '1.234']);
    expect(turkish.inferred).toBe('number');
    expect(turkish.plan.decimalMark).toBe(',');
    expect(profile('Salary', ['1,234.56', '2,000']).plan.decimalMark).toBe('.');
    expect(profile('Зарплата', ['1 234,56', '2 000']).inferred).toBe('number');
  });

  it('keeps IDs with leading zeros, postcodes and long digit strings as text', () => {
    expect(profile('Sicil No', ['00123', '00124', '12345']).inferred).toBe('text');
    expect(profile('Posta kodu', ['34000', '06100']).inferred).toBe('text');
    expect(profile('Kod pocztowy', ['00-950', '31-042']).inferred).toBe('text');
    expect(profile('IBAN', ['1234567890123456789']).inferred).toBe('text');
  });

  it('infers phones from their writing or from the name', () => {
    expect(profile('x', ['+90 532 123 45 67', '0532 765 43 21', '(0212) 555-12-34']).inferred).toBe('phone');
    expect(profile('Telefon', ['5321234567', '5327654321']).inferred).toBe('phone');
    expect(profile('Komórka', ['600 700 800', '601 702 803']).inferred).toBe('phone');
    expect(profile('Adet', ['5321234567', '5327654321']).inferred).toBe('number');
  });

  it('infers e-mail at 90% of values, or at half under an e-mail-like name', () => {
    const values = ['a@firma.com.tr', 'b@firma.com.tr', 'yok', '-'];
    expect(profile('Notlar', values).inferred).toBe('text');
    expect(profile('E-posta', values).inferred).toBe('email');
    expect(profile('E-posta', values).emailShare).toBe(0.5);
  });

  it('tolerates one stray value in ten, which conversion reports', () => {
    const values = [...Array.from({ length: 9 }, (_, i) => `${10 + i}.03.1985`), 'bilinmiyor'];
    expect(profile('Doğum tarihi', values).inferred).toBe('date');
    expect(profile('Doğum tarihi', values.slice(5)).inferred).toBe('text');
  });

  it('trims, treats no-break spaces as spaces, and keeps samples distinct', () => {
    const result = profile('Ad', ['  Şükrü\u00a0Öztürk ', 'Şükrü Öztürk', '', '\u00a0', 'Ğülşen İnce']);
    expect(result.inferred).toBe('text');
    expect(result.filled).toBe(3);
    expect(result.sample).toEqual(['Şükrü Öztürk', 'Ğülşen İnce']);
  });

  it('calls an empty column text', () => {
    expect(profile('Boş', [null, '', ' ']).inferred).toBe('text');
  });
});
