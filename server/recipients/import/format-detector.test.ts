import { describe, expect, it } from 'vitest';
import { detectFormat } from './format-detector';

describe('detectFormat', () => {
  it('goes by the bytes, not the name', () => {
    expect(detectFormat(Buffer.from('PK\u0003\u0004rest'), 'liste.csv')).toBe('xlsx');
    expect(detectFormat(Buffer.from('Ad\tSoyad\nAli\tVeli\n'), 'export.xls')).toBe('csv');
    expect(detectFormat(Buffer.from('\ufeffAd;Soyad\n', 'utf8'), 'a.txt')).toBe('csv');
    expect(detectFormat(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00]), 'a.csv')).toBe('csv');
  });

  it.each([
    ['<html><body><table><tr><td>Ad</td></tr></table></body></html>', 'NOT_A_SPREADSHEET'],
    ['  <table border=1><tr><td>Ad</td></tr></table>', 'NOT_A_SPREADSHEET'],
    ['<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', 'UNSUPPORTED_FORMAT'],
  ])('refuses markup posing as a spreadsheet: %s', (text, code) => {
    expect(() => detectFormat(Buffer.from(text), 'rapor.xls')).toThrow(expect.objectContaining({ code }));
  });

  it('names what a refused file looks like', () => {
    expect(() => detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), 'liste.csv'))
      .toThrow(expect.objectContaining({ code: 'NOT_A_SPREADSHEET', message: 'liste.csv: this is a PNG image, not a CSV or XLSX list' }));
  });
});
