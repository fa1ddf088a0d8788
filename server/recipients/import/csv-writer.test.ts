import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv-writer';
import { parseRecipientFile } from './importer';

const PEOPLE = [
  { 'Ad Soyad': 'Şükrü Öztürk', 'E-posta': 'sukru@firma.com.tr', Şehir: 'İstanbul', Not: 'Çağrı; "acil"' },
  { 'Ad Soyad': 'Ğülşen İnce', 'E-posta': 'gulsen@firma.com.tr', Şehir: 'Iğdır', Not: 'satır 1\nsatır 2' },
  { 'Ad Soyad': 'Ярослав Дьяченко', 'E-posta': 'yaroslav@firma.ru', Şehir: 'Санкт-Петербург', Not: '«Ёлка», №5' },
  { 'Ad Soyad': 'Żaneta Gąsiorowska', 'E-posta': 'zaneta@firma.pl', Şehir: 'Łódź', Not: 'Źródło: „ŻÓŁĆ”' },
  { 'Ad Soyad': 'Ľubomír Šťastný', 'E-posta': 'lubomir@firma.sk', Şehir: 'Žilina', Not: 'Ďakujem, ôsmy' },
  { 'Ad Soyad': 'Jürgen Müller', 'E-posta': 'jurgen@firma.de', Şehir: 'Köln', Not: '=1+1' },
];
const COLUMNS = ['Ad Soyad', 'E-posta', 'Şehir', 'Not'];

describe('writeCsv', () => {
  it('writes a BOM, semicolons and CRLF, quoting only where needed', () => {
    const text = writeCsv(['Ad', 'Not'], [{ Ad: 'Ali', Not: 'a;b' }, { Ad: ' Veli', Not: 'dedi "x"' }]);
    expect(text).toBe('\ufeffAd;Not\r\nAli;"a;b"\r\n" Veli";"dedi ""x"""\r\n');
    expect(writeCsv(['Ad'], [{ Ad: 'Ali' }], { bom: false, delimiter: ',' })).toBe('Ad\r\nAli\r\n');
  });

  it('guards cells Excel would run as formulas', () => {
    const text = writeCsv(['A', 'B', 'C', 'D', 'E'], [{ A: '=HYPERLINK("http://x")', B: '+90 532', C: '-1+2', D: '@SUM(A1)', E: '\t=1' }], { bom: false });
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")";'+90 532;'-1+2;'@SUM(A1);'\t=1`);
    expect(writeCsv(['=Ad'], [], { bom: false })).toBe("'=Ad\r\n");
  });

  it('writes numbers with the decimal comma next to semicolons, never as an ambiguous group', () => {
    const text = writeCsv(['n'], [{ n: 1234.5 }, { n: -3 }, { n: 1.234 }, { n: 0.1 + 0.2 }], { bom: false });
    expect(text).toBe('n\r\n1234,5\r\n-3\r\n1,2340\r\n0,3\r\n');
    expect(writeCsv(['n'], [{ n: 1234.5 }], { bom: false, delimiter: ',' })).toBe('n\r\n1234.5\r\n');
  });

  it('writes dates as yyyy-mm-dd, booleans as true/false, nothing for null', () => {
    const text = writeCsv(['d', 'b', 'x'], [{ d: new Date(Date.UTC(1985, 2, 12)), b: true, x: null }], { bom: false });
    expect(text).toBe('d;b;x\r\n1985-03-12;true;\r\n');
  });

  it.each([';', ',', '\t'])('round-trips text in five languages with %j through parse → write → parse', async (delimiter) => {
    const first = await parseRecipientFile({ bytes: Buffer.from(writeCsv(COLUMNS, PEOPLE, { delimiter }), 'utf8'), fileName: 'a.csv' });
    expect(first.rows).toEqual(PEOPLE);
    const again = writeCsv(first.columns.map((c) => c.name), first.rows, { delimiter });
    const second = await parseRecipientFile({ bytes: Buffer.from(again, 'utf8'), fileName: 'b.csv' });
    expect(second.encoding).toBe('utf-8');
    expect(second.rows).toEqual(PEOPLE);
    expect(second.emailColumn).toBe('E-posta');
  });

  it('round-trips typed values', async () => {
    const rows = [
      { Ad: 'Ali', Tutar: 1234.5, Oran: 1.234, Tarih: '1985-03-12', Aktif: true, Telefon: '+90 532 123 45 67' },
      { Ad: 'Veli', Tutar: -12, Oran: 0.5, Tarih: '2026-02-28', Aktif: false, Telefon: '+48 600 700 800' },
    ];
    const list = await parseRecipientFile({ bytes: Buffer.from(writeCsv(Object.keys(rows[0]), rows), 'utf8'), fileName: 'a.csv' });
    expect(list.columns.map((c) => c.type)).toEqual(['text', 'number', 'number', 'date', 'boolean', 'phone']);
    expect(list.rows).toEqual(rows);
  });
});
