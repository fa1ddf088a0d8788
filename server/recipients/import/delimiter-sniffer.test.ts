import { describe, expect, it } from 'vitest';
import { normaliseDelimiter, readSepLine, sniffDelimiter } from './delimiter-sniffer';
import { ImportError } from './import-error';

const rows = [
  ['Ad Soyad', 'E-posta', 'Maaş', 'Şehir'],
  ['Şükrü Öztürk', 'sukru@firma.com.tr', '12.500,50', 'İstanbul'],
  ['Ğülşen İnce', 'gulsen@firma.com.tr', '8.750,00', 'Ankara'],
  ['Ayşe Kaya', 'ayse@firma.com.tr', '9.100,25', 'İzmir'],
];

describe('sniffDelimiter', () => {
  it.each([';', ',', '\t', '|'])('finds %j when every line has the same number of fields', (delimiter) => {
    const text = rows.map((row) => row.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter)).join('\r\n');
    expect(sniffDelimiter(`${text}\r\n`)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    const text = 'Ad,Adres,E-posta\n"Öztürk, Şükrü","Atatürk Cad. 5,\nKadıköy, İstanbul",a@b.tr\n"İnce, Ğülşen","Kızılay, Ankara",c@d.tr\n';
    expect(sniffDelimiter(text)).toBe(',');
  });

  it('prefers semicolons over commas that are decimal marks', () => {
    const text = 'Ad;Maaş;Prim\nAli;1234,50;10,5\nVeli;99,9;7\nAyşe;1000;0,25\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('prefers the delimiter giving more fields when names contain one comma each', () => {
    const text = 'Ad;Şehir;E-posta\nÖztürk, Şükrü;İstanbul;a@b.tr\nİnce, Ğülşen;Ankara;c@d.tr\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('is not thrown off by a title line above the header', () => {
    const text = 'Personel listesi 2026\n\nAd|Soyad|E-posta\nAli|Veli|a@b.tr\nAyşe|Kaya|c@d.tr\n';
    expect(sniffDelimiter(text)).toBe('|');
  });

  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('E-posta\na@b.tr\nc@d.tr\n')).toBe(',');
  });
});

describe('readSepLine', () => {
  it('reads the sep= line Excel writes', () => {
    expect(readSepLine('sep=;\r\nAd;Soyad\r\n')).toBe(';');
    expect(readSepLine('SEP=,\nAd,Soyad\n')).toBe(',');
    expect(readSepLine('sep=\t\n')).toBe('\t');
    expect(readSepLine('Ad;Soyad\n')).toBeUndefined();
    expect(readSepLine('sep=;;\n')).toBeUndefined();
  });
});

describe('normaliseDelimiter', () => {
  it('accepts single characters and names for tab', () => {
    expect(normaliseDelimiter('tab', 'a.csv')).toBe('\t');
    expect(normaliseDelimiter('\\t', 'a.csv')).toBe('\t');
    expect(normaliseDelimiter('|', 'a.csv')).toBe('|');
  });

  it('refuses impossible delimiters with INVALID_OPTION', () => {
    for (const bad of ['', ';;', '"', '\n']) {
      expect(() => normaliseDelimiter(bad, 'a.csv')).toThrow(ImportError);
    }
    expect(() => normaliseDelimiter('"', 'a.csv')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
